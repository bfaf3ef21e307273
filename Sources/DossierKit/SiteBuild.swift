import Foundation

/// What a successful build made.
public struct BuildReport: Sendable {
    public var notes: Int
    public var articles: Int
    public var topics: Int
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
}

/// The whole pipeline, top to bottom: **load** the content, **index** it, **render** the pages, **write** them.
public enum SiteBuild {
    /// Builds the site in `site` (holding `content/` and `templates/`) into `output`. Throws `BuildFailed` with
    /// every diagnostic when the content has errors, leaving `output` as it was.
    public static func run(site: URL, output: URL) throws -> BuildReport {
        var log = DiagnosticLog()
        for folder in ["content", "templates"] where !isFolder(site.appendingPathComponent(folder)) {
            log.error(folder, "missing folder '\(folder)/' in \(site.path)")
        }
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }

        // Load
        let templates = Templates.load(from: site.appendingPathComponent("templates"), log: &log)
        let content = SiteLoader.load(site: site, log: &log)
        // Index
        let index = SiteIndex.build(content, log: &log)
        guard let templates, !log.hasErrors else { throw BuildFailed(diagnostics: log.sorted) }

        // Render and write, page by page, into staging; swap in only when all is written.
        let publisher: Publisher
        do { publisher = try Publisher(output: output) } catch {
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, output.path, "\(error)")])
        }
        var pages = 0
        var files = 0
        do {
            try PageRenderer(templates: templates, index: index, extra: [:]).renderAll { page, html in
                try publisher.write(page.path, html)
                if page.path.hasSuffix(".html") { pages += 1 } else { files += 1 }
            }
            files += try copyAssets(from: site.appendingPathComponent("templates/assets"), to: publisher)
            try publisher.commit()
        } catch {
            publisher.discard()
            let reason = (error as? PublishError)?.description ?? PublishError.reason(error)
            throw BuildFailed(diagnostics: log.sorted + [Diagnostic(.error, output.path, "cannot write the site: \(reason)")])
        }
        return BuildReport(notes: index.notes.count, articles: index.articles.count, topics: index.topics.count,
                           pages: pages, files: pages + files, warnings: log.sorted)
    }

    static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    /// Copies `templates/assets/` (stylesheet and any other static files) to `assets/`.
    static func copyAssets(from folder: URL, to publisher: Publisher) throws -> Int {
        var count = 0
        for (name, url) in SiteLoader.files(in: folder, ending: "") {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            try publisher.write("assets/\(name)", data)
            count += 1
        }
        return count
    }
}
