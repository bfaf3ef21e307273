import Foundation

/// What a successful build made.
public struct BuildReport: Sendable {
    /// Published notes.
    public var notes: Int
    /// Notes left out of the site because they are drafts.
    public var drafts: Int = 0
    public var articles: Int
    public var topics: Int
    public var pages: Int
    public var files: Int
    /// Files written or removed by this build; both 0 when nothing changed.
    public var written: Int
    public var removed: Int
    public var warnings: [Diagnostic]
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)] = []
}

/// The whole pipeline, top to bottom: **load** the content, **index** it, **render** the pages, **write** them.
public enum SiteBuild {
    /// Builds the site in `site` (holding `content/` and `templates/`) into `output`. Throws `BuildFailed` with
    /// every diagnostic when the content has errors, leaving `output` as it was.
    public static func run(site: URL, output: URL, options: BuildOptions = BuildOptions()) throws -> BuildReport {
        do {
            return try build(site: site, output: output, options: options, discardCache: false)
        } catch let damaged as CacheDamaged {
            // A body read back from the cache was not what had been written: build again from the content alone.
            var report = try build(site: site, output: output, options: options, discardCache: true)
            report.warnings = (report.warnings + [damaged.warning]).sorted()
            return report
        }
    }

    static func build(site: URL, output: URL, options: BuildOptions, discardCache: Bool) throws -> BuildReport {
        var stopwatch = Stopwatch()
        var log = DiagnosticLog()
        checkFolders(site, log: &log)
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }

        // Load: content (from the cache where files are unchanged), templates and assets.
        let siteFiles = SiteFiles(site: site)
        let cache: BuildCache
        let content: SiteContent
        do {
            cache = try BuildCache(site: site, discard: discardCache)
            let loaded = try SiteLoader.load(siteFiles, reuse: cache, bodies: cache.bodies, options: options, log: &log)
            // Remembered now, not after the build succeeds: an entry is what a file with that hash gives, true
            // whatever the rest of the build finds, so a build that fails on a bad link or template still spares
            // the next one the parsing. A kill after this leaves entries whose bodies are already on disk.
            try cache.remember(articles: loaded.articles, notes: loaded.notes)
            content = loaded.content
        } catch let damaged as CacheDamaged {
            throw damaged
        } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, ".dossier-cache", "\(error)")])
        }
        let (templates, assets) = loadTemplates(siteFiles, log: &log)
        var publisher: Publisher?
        do {
            let inputs = ["content", "templates"].map(site.appendingPathComponent)
            publisher = try Publisher(output: output, site: site, inputs: inputs, swap: options.swap,
                                      reuse: cache.lastBuild?.program == LastBuild.program)
        } catch {
            log.error(output.path, "\(error)")
        }
        stopwatch.lap("load")

        // Damaged cache files were ignored: said on this build, not recorded as the content's warnings (the search
        // terms' are found only when the index is made, below).
        let cacheWarnings = cache.damaged.map(\.warning)

        // Unchanged inputs and an output that still holds the last build: nothing to do.
        let inputs = inputsHash(content, templates: templates, assets: assets)
        if let last = cache.lastBuild, last.inputs == inputs, !log.hasErrors, templates != nil,
           let publisher, publisher.currentOutputHash() == last.output {
            publisher.removeLeftovers()
            return BuildReport(notes: last.notes, drafts: last.drafts, articles: last.articles, topics: last.topics, pages: last.pages,
                               files: last.files, written: 0, removed: 0, warnings: (last.diagnostics + cacheWarnings).sorted(),
                               timings: stopwatch.laps)
        }

        // Index, then check what content links to and the templates the pages need against it.
        // The area figures are found again only in articles whose text the cache has not seen; like the content
        // entries, what it keeps is true whatever the rest of the build finds.
        let reuse = IndexReuse(known: cache.areaFigures)
        let index = checkedIndex(content, templates: templates, assets: assets, reuse: reuse, log: &log)
        cache.remember(areaFigures: reuse.entries)
        stopwatch.lap("index")
        guard let templates, let publisher, !log.hasErrors else { throw BuildFailed(diagnostics: log.sorted) }
        let renderer = PageRenderer(templates: templates, index: index, bodies: cache.bodies)

        // The search index, then render and write: only files whose key changed, into a tree swapped in when all is
        // written.
        let search: [(path: String, text: String)]
        do {
            var made = try SearchIndex.make(index, bodies: cache.bodies, known: cache.searchTerms)
            // Like the content entries: true whatever the rest of the build finds. Saved, and let go, before the
            // files are made: at 50,000 notes each is tens of megabytes.
            cache.remember(searchTerms: &made.used)
            search = made.index.files
        } catch let damaged as CacheDamaged {
            throw damaged
        } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, SearchIndex.folder, "cannot make the search index: \(error)")])
        }
        stopwatch.lap("search index")
        let plan = OutputPlan(renderer: renderer, assets: assets, generated: search)
        let stats: Publisher.Stats, keys: [String: ContentHash]
        do {
            (stats, keys) = try publisher.publish(plan.paths, file: plan.file(at:))
        } catch let damaged as CacheDamaged {
            throw damaged
        } catch let failed as RenderFailed {
            throw BuildFailed(diagnostics: log.sorted + [failed.diagnostic])
        } catch {
            let reason = (error as? PublishError)?.description ?? PublishError.reason(error)
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, output.path, "cannot write the site: \(reason)")])
        }
        stopwatch.lap("render and write")

        let report = BuildReport(notes: index.notes.count, drafts: index.drafts.count, articles: index.articles.count, topics: index.topics.count,
                                 pages: plan.pageCount, files: keys.count, written: stats.written,
                                 removed: stats.removed, warnings: (log.items + cache.damaged.map(\.warning)).sorted(),
                                 timings: stopwatch.laps)
        cache.save(LastBuild(inputs: inputs, output: Publisher.hash(of: keys), notes: report.notes, drafts: report.drafts, articles: report.articles,
                             topics: report.topics, pages: report.pages, files: report.files, diagnostics: log.sorted))
        return report
    }

    /// Both folders a site needs.
    static func checkFolders(_ site: URL, log: inout DiagnosticLog) {
        for folder in ["content", "templates"] where !isFolder(site.appendingPathComponent(folder)) {
            log.error(folder, "missing folder '\(folder)/' in \(site.path)")
        }
    }

    /// The templates (`nil` when they have errors) and the static files of `templates/assets/`.
    static func loadTemplates(_ siteFiles: SiteFiles, log: inout DiagnosticLog) -> (Templates?, [String: Data]) {
        (Templates.load(from: siteFiles.site.appendingPathComponent("templates"), site: siteFiles, log: &log),
         OutputPlan.assets(in: siteFiles.site.appendingPathComponent("templates/assets"), site: siteFiles, log: &log))
    }

    /// The content indexed, with what it links to and the templates its pages need checked against the index.
    static func checkedIndex(_ content: SiteContent, templates: Templates?, assets: [String: Data], reuse: IndexReuse? = nil,
                             log: inout DiagnosticLog) -> SiteIndex {
        let index = SiteIndex.build(content, reuse: reuse, log: &log)
        LinkCheck(index: index, files: Set(index.dataFiles.map { $0.path } + assets.keys), templates: templates).run(log: &log)
        templates?.checkPresent(index.pageKinds.map { $0.name }, log: &log)
        return index
    }

    /// Everything a build's output is made from: the content, the templates, the static files and this program.
    static func inputsHash(_ content: SiteContent, templates: Templates?, assets: [String: Data]) -> ContentHash {
        [templates?.fingerprint ?? ContentHash(""), assetsHash(assets), LastBuild.program].reduce(content.inputHash) { $0.combined($1) }
    }

    static func assetsHash(_ assets: [String: Data]) -> ContentHash {
        assets.keys.sorted().reduce(ContentHash("assets")) { hash, path in
            hash.combined(ContentHash(path)).combined(assets[path].map { $0.withUnsafeBytes { ContentHash($0) } } ?? ContentHash(""))
        }
    }

    static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
