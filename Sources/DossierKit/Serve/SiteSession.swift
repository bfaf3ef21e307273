import Foundation

/// The site as `dossier serve` holds it between rebuilds: every content file's loaded value stays in memory, so a
/// rebuild after a save reads only the files that changed, then indexes and checks the whole site again exactly as
/// a build does. Nothing is written: pages are rendered when they are asked for, from the snapshot the rebuild
/// made (`SiteSnapshot`). Drafts are checked as the build checks them, then shown, marked as drafts.
///
/// One rebuild at a time: the server calls `rebuild` from one task.
public final class SiteSession: @unchecked Sendable {
    public let site: URL
    let options: BuildOptions
    /// The entries of the last load, and where each path's entry is.
    private var last = LoadedSite(topics: [], articles: [], notes: [], territory: nil, events: [], inputHash: ContentHash(""), config: .standard)
    private var positions = MemoryReuse.Positions()
    /// The templates and static files last read, with what reading them said: read again only when something in
    /// `templates/` changed.
    private var templates: (templates: Templates?, assets: [String: Data], diagnostics: [Diagnostic])?
    /// Bodies of the notes loaded at the start, in the site's cache (read only from then on), and of those parsed
    /// since, in memory.
    private let bodies = SessionBodies()
    /// What the last search index took from each body, for the next one.
    private var searchTerms = SearchTermCache()
    private let searchLock = NSLock()
    private var loaded = false
    private let indexReuse = IndexReuse()
    /// Parses the notes saved while serving: one worker kept warm, so that a save does not wait for a process
    /// to start.
    private let markdown: MarkdownEngine
    /// What the last rebuild was made from, if it succeeded.
    private var lastGood: ContentHash?
    /// Set when a rebuild stopped before loading what changed: the next one reads every file again (reusing by hash),
    /// since the changes it was told of are gone with it.
    private var rereadAll = false

    public init(site: URL, options: BuildOptions = BuildOptions()) {
        self.site = site
        self.options = options
        markdown = MarkdownEngine(options)
    }

    /// Ends the Markdown worker; call once no rebuild runs.
    public func close() { markdown.stop() }

    /// What a rebuild gives: a snapshot to serve, or the diagnostics of a site that does not build.
    public enum Outcome: Sendable {
        case built(SiteSnapshot)
        /// Nothing the site is made from changed since the last rebuild, which succeeded.
        case unchanged
        case failed([Diagnostic])
    }

    /// Loads what changed and builds the site in memory. `changed` holds paths relative to the site
    /// (`content/notes/a.md`, `templates/note.mustache`, `site.yml`); `nil` reads every file again.
    public func rebuild(changed reported: Set<String>? = nil) -> Outcome {
        var stopwatch = Stopwatch()
        var log = DiagnosticLog()
        let changed = rereadAll ? nil : reported
        rereadAll = true
        SiteBuild.checkFolders(site, log: &log)
        if log.hasErrors { return .failed(log.sorted) }
        let siteFiles = SiteFiles(site: site)

        // Load: from the site's cache the first time (a warm cache starts the server in a moment), then from memory
        // for every file the watcher did not report.
        let loadedSite: LoadedSite
        do {
            if !loaded {
                loadedSite = try firstLoad(siteFiles, log: &log)
                markdown.workers?.prestart(jobs: 1)
            } else {
                let reuse = MemoryReuse(last: last, positions: positions, changed: changed)
                loadedSite = try SiteLoader.load(siteFiles, reuse: reuse, bodies: bodies, options: options, engine: markdown,
                                                 log: &log)
            }
        } catch {
            return .failed(log.sorted + [Diagnostic(.error, loaded ? "content" : ".dossier-cache", "\(error)")])
        }
        loaded = true
        last = loadedSite
        positions = MemoryReuse.Positions(loadedSite)
        if changed?.contains(where: { $0.hasPrefix("templates/") }) ?? true { templates = nil }
        let (templates, assets, diagnostics) = self.templates ?? {
            var templateLog = DiagnosticLog()
            let (templates, assets) = SiteBuild.loadTemplates(siteFiles, log: &templateLog)
            return (templates, assets, templateLog.items)
        }()
        self.templates = (templates, assets, diagnostics)
        rereadAll = false
        for diagnostic in diagnostics { log.append(diagnostic) }
        stopwatch.lap("load")
        let content = loadedSite.content
        let inputs = SiteBuild.inputsHash(content, templates: templates, assets: assets)
        if inputs == lastGood && !log.hasErrors { return .unchanged }
        lastGood = nil

        let index = SiteBuild.checkedIndex(content, templates: templates, assets: assets, reuse: indexReuse, log: &log)
        stopwatch.lap("index")
        guard let templates, !log.hasErrors else { return .failed(log.sorted) }
        let renderer = PageRenderer(templates: templates, index: index.showingDrafts(), bodies: bodies, live: true)
        let plan = OutputPlan(renderer: renderer, assets: assets)
        stopwatch.lap("plan")
        lastGood = inputs
        // After a good rebuild only: a failed one leaves the snapshot served, whose bodies are still read.
        bodies.keepOnly(loadedSite.notes.lazy.map(\.value))
        return .built(SiteSnapshot(plan: plan, warnings: log.sorted, timings: stopwatch.laps, search: SearchFiles(session: self)))
    }

    /// Loads the site through its cache, as a build does (a cache found damaged is dropped and the site read
    /// again), and keeps the cache's bodies to read from.
    private func firstLoad(_ siteFiles: SiteFiles, log: inout DiagnosticLog) throws -> LoadedSite {
        let start = log
        for discard in [false, true] {
            do {
                let cache = try BuildCache(site: site, discard: discard)
                let loadedSite = try SiteLoader.load(siteFiles, reuse: cache, bodies: cache.bodies, options: options, log: &log)
                try cache.remember(articles: loadedSite.articles, notes: loadedSite.notes)
                bodies.readFirstLoad(from: cache.bodies)
                let terms = cache.searchTerms
                searchLock.withLock { searchTerms = terms }
                return loadedSite
            } catch let damaged as CacheDamaged where !discard {
                log = start
                log.append(damaged.warning)
            }
        }
        throw CacheDamaged(file: ".dossier-cache")
    }

    /// The search index of `index`, reusing the terms the last one took from unchanged bodies.
    func searchFiles(of index: SiteIndex) throws -> [String: String] {
        let known = searchLock.withLock { searchTerms }
        let made = try SearchIndex.files(index, bodies: bodies, known: known)
        searchLock.withLock { searchTerms = SearchTermCache(entries: made.used) }
        return Dictionary(made.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Entries kept from the last load, offered without reading their files unless the watcher reported them. An
/// article depends on the topics file too, so every article is read again when it changed.
struct MemoryReuse: ContentReuse {
    /// Path → position of its entry in the last load.
    struct Positions: Sendable {
        var notes: [String: Int] = [:]
        var articles: [String: Int] = [:]

        init() {}

        init(_ site: LoadedSite) {
            notes = Dictionary(site.notes.indices.map { (site.notes[$0].value.path, $0) }, uniquingKeysWith: { a, _ in a })
            articles = Dictionary(site.articles.indices.map { (site.articles[$0].value.path, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    let last: LoadedSite
    let positions: Positions
    /// `nil`: everything may have changed (each file is read and reused only if its hash is the same).
    let changed: Set<String>?

    private func unchanged(_ path: String) -> Bool { changed.map { !$0.contains(path) } ?? false }
    private func note(_ path: String) -> LoadedFile<Note>? { positions.notes[path].map { last.notes[$0] } }
    private func article(_ path: String) -> LoadedFile<Article>? { positions.articles[path].map { last.articles[$0] } }

    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? {
        article(path).flatMap { $0.hash == hash ? $0 : nil }
    }

    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? {
        note(path).flatMap { $0.hash == hash ? $0 : nil }
    }

    func mayReuseNote(at path: String) -> Bool { positions.notes[path] != nil }

    func unchangedArticle(at path: String) -> LoadedFile<Article>? {
        unchanged(path) && !(changed?.contains(TopicLoader.path) ?? true) ? article(path) : nil
    }

    func unchangedNote(at path: String) -> LoadedFile<Note>? { unchanged(path) ? note(path) : nil }
}
