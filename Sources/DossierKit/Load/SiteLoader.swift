import Foundation

/// Reads `content/` into values: topics, articles and notes, each file parsed on its own.
public enum SiteLoader {
    public static func load(site: URL, log: inout DiagnosticLog) -> SiteContent {
        let content = site.appendingPathComponent("content")
        var topics: [Topic] = []
        let topicsPath = "content/topics.yml"
        if let text = readText(content.appendingPathComponent("topics.yml"), path: topicsPath, log: &log) {
            topics = TopicLoader.load(text, path: topicsPath, log: &log)
        } else if !FileManager.default.fileExists(atPath: content.appendingPathComponent("topics.yml").path) {
            log.warning(topicsPath, "no topics file; pages will have no topics")
        }

        var articles: [Article] = []
        for (name, url) in files(in: content.appendingPathComponent("articles"), ending: ".txt", path: "content/articles", log: &log) {
            let path = "content/articles/\(name)"
            guard let text = readText(url, path: path, log: &log) else { continue }
            if let article = ArticleLoader.load(text, path: path, id: String(name.dropLast(4)), log: &log) {
                articles.append(article)
            }
        }

        var notes: [Note] = []
        for (name, url) in files(in: content.appendingPathComponent("notes"), ending: ".md", path: "content/notes", log: &log) {
            let path = "content/notes/\(name)"
            guard let text = readText(url, path: path, log: &log) else { continue }
            if let note = NoteLoader.load(text, path: path, stem: String(name.dropLast(3)), log: &log) {
                notes.append(note)
            }
        }
        var territory: [TerritoryFigure] = []
        let territoryPath = "content/territory.csv"
        if let text = readText(content.appendingPathComponent("territory.csv"), path: territoryPath, log: &log) {
            territory = TerritoryCSV.load(text, path: territoryPath, log: &log)
        } else if !FileManager.default.fileExists(atPath: content.appendingPathComponent("territory.csv").path) {
            log.warning(territoryPath, "no territory series; the territory page will list only figures found in articles")
        }
        return SiteContent(topics: topics, articles: articles, notes: notes, territory: territory)
    }

    /// Regular files in `folder` whose names end with `ending`, sorted by name so that the build does not
    /// depend on the order the file system lists them in.
    static func files(in folder: URL, ending: String) -> [(String, URL)] {
        var log = DiagnosticLog()
        return files(in: folder, ending: ending, path: "", log: &log)
    }

    /// As above, reporting a folder that exists but cannot be listed (a symbolic-link loop, say).
    static func files(in folder: URL, ending: String, path: String, log: inout DiagnosticLog) -> [(String, URL)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            if let problem = FileProblem.describe(folder), problem != "is a folder, not a file" { log.error(path, problem) }
            return []
        }
        return names.filter { $0.hasSuffix(ending) && !$0.hasPrefix(".") }.sorted()
            .map { ($0, folder.appendingPathComponent($0)) }
    }

    static func readText(_ url: URL, path: String, log: inout DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if let problem = FileProblem.describe(url) { log.error(path, problem) }
            return nil
        }
        switch SourceText.decode(data) {
        case .success(let text): return text
        case .failure(.empty): log.error(path, "file is empty")
        case .failure(.nulByte(let offset)): log.error(path, "file holds a NUL byte at byte offset \(offset); it looks binary")
        case .failure(.invalidUTF8(let offset)): log.error(path, "file is not valid UTF-8 at byte offset \(offset)")
        }
        return nil
    }
}
