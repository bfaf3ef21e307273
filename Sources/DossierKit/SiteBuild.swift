import Foundation

/// What a successful build made.
public struct BuildReport: Sendable {
    public var notes: Int
    public var articles: Int
    public var topics: Int
    public var pages: Int
    public var files: Int
    /// Files written or removed by this build; both 0 when nothing changed.
    public var written: Int
    public var removed: Int
    public var warnings: [Diagnostic]
    /// Seconds spent in each stage, in order: load, index, plan, render and write.
    public var timings: [(stage: String, seconds: Double)] = []
}

/// The whole pipeline, top to bottom: **load** the content, **index** it, **render** the pages, **write** them.
public enum SiteBuild {
    /// Builds the site in `site` (holding `content/` and `templates/`) into `output`. Throws `BuildFailed` with
    /// every diagnostic when the content has errors, leaving `output` as it was.
    public static func run(site: URL, output: URL) throws -> BuildReport {
        var stopwatch = Stopwatch()
        var log = DiagnosticLog()
        for folder in ["content", "templates"] where !isFolder(site.appendingPathComponent(folder)) {
            log.error(folder, "missing folder '\(folder)/' in \(site.path)")
        }
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }

        // Load
        let cache: BuildCache
        let content: SiteContent
        do {
            cache = try BuildCache(site: site)
            content = try SiteLoader.load(site: site, cache: cache, log: &log)
        } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, ".dossier-cache", "\(error)")])
        }
        let templates = Templates.load(from: site.appendingPathComponent("templates"), log: &log)
        stopwatch.lap("load")
        // Index
        let index = SiteIndex.build(content, log: &log)
        stopwatch.lap("index")
        guard let templates, !log.hasErrors else { throw BuildFailed(diagnostics: log.sorted) }

        // Render and write: only pages whose inputs changed, into a tree swapped in when all is written.
        let renderer = PageRenderer(templates: templates, index: index, bodies: cache.bodies)
        let assets = site.appendingPathComponent("templates/assets")
        let assetFiles = SiteLoader.files(in: assets, ending: "").compactMap { name, url in
            FileManager.default.contents(atPath: url.path).map { ("assets/" + name, $0) }
        }
        let fingerprint = templates.fingerprint
        let pageKeys = Parallel.map(renderer.pages) { page in (page.path, renderer.key(page, templates: fingerprint)) }
        let files = pageKeys + assetFiles.map { ($0.0, $0.1.withUnsafeBytes { ContentHash($0) }) }
        stopwatch.lap("plan")
        let pagesByPath = Dictionary(renderer.pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let assetsByPath = Dictionary(assetFiles, uniquingKeysWith: { a, _ in a })
        let publisher: Publisher
        do { publisher = try Publisher(output: output, manifests: cache.folder + "/trees") } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, output.path, "\(error)")])
        }
        let stats: Publisher.Stats
        do {
            stats = try publisher.publish(files) { path in
                if let page = pagesByPath[path] { return Data(renderer.render(page).utf8) }
                return assetsByPath[path] ?? Data()
            }
        } catch {
            let reason = (error as? PublishError)?.description ?? PublishError.reason(error)
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, output.path, "cannot write the site: \(reason)")])
        }
        stopwatch.lap("render and write")
        let pages = renderer.pages.filter { $0.path.hasSuffix(".html") }.count
        return BuildReport(notes: index.notes.count, articles: index.articles.count, topics: index.topics.count,
                           pages: pages, files: files.count, written: stats.written, removed: stats.removed,
                           warnings: log.sorted, timings: stopwatch.laps)
    }

    static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

}
