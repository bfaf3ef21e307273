import Foundation

/// Reads `content/` into values: topics, articles and notes, each file parsed on its own.
public enum SiteLoader {
    static func load(site: URL, cache: BuildCache, log: inout DiagnosticLog) throws -> SiteContent {
        let content = site.appendingPathComponent("content")
        let topicsText = readOptional(content, "topics.yml", log: &log, missing: "no topics file; pages will have no topics")
        let topics = topicsText.map { TopicLoader.load($0, path: "content/topics.yml", log: &log) } ?? []

        // Files are read and parsed on every core; each keeps its own log, merged in file order.
        let articleFiles = files(in: content.appendingPathComponent("articles"), ending: ".txt", path: "content/articles", log: &log)
        let loadedArticles = Parallel.map(articleFiles) { name, url -> (ArticleCache.Entry?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let path = "content/articles/\(name)"
            guard let data = FileManager.default.contents(atPath: url.path) else {
                _ = readText(url, path: path, log: &fileLog)
                return (nil, fileLog)
            }
            let hash = data.withUnsafeBytes { ContentHash($0) }
            if let entry = cache.articles.entry(for: path, hash: hash) {
                for diagnostic in entry.diagnostics { fileLog.append(diagnostic) }
                return (entry, fileLog)
            }
            guard let text = decodeText(data, path: path, log: &fileLog),
                  let article = ArticleLoader.load(text, path: path, id: String(name.dropLast(4)), log: &fileLog)
            else { return (nil, fileLog) }
            return (ArticleCache.Entry(hash: hash, article: article, diagnostics: fileLog.items), fileLog)
        }
        let noteFiles = files(in: content.appendingPathComponent("notes"), ending: ".md", path: "content/notes", log: &log)
        // A note whose file has the hash the cache knows is taken from the cache, warnings and all.
        let loadedNotes = try Parallel.map(noteFiles) { name, url -> (NoteCache.Entry?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let path = "content/notes/\(name)"
            guard let data = FileManager.default.contents(atPath: url.path) else {
                _ = readText(url, path: path, log: &fileLog)
                return (nil, fileLog)
            }
            let hash = data.withUnsafeBytes { ContentHash($0) }
            if let entry = cache.notes.entry(for: path, hash: hash),
               entry.note.body.offset + entry.note.body.length <= cache.bodies.size {
                for diagnostic in entry.diagnostics { fileLog.append(diagnostic) }
                return (entry, fileLog)
            }
            guard let text = decodeText(data, path: path, log: &fileLog),
                  let (parsed, html) = NoteLoader.load(text, path: path, stem: String(name.dropLast(3)), log: &fileLog)
            else { return (nil, fileLog) }
            var note = parsed
            note.body = try cache.bodies.append(html)
            note.sourceHash = hash
            return (NoteCache.Entry(hash: hash, note: note, diagnostics: fileLog.items), fileLog)
        }
        for (_, fileLog) in loadedArticles { log.append(contentsOf: fileLog) }
        for (_, fileLog) in loadedNotes { log.append(contentsOf: fileLog) }
        let articleEntries = loadedArticles.compactMap(\.0)
        cache.save(articleEntries)
        let articles = articleEntries.map(\.article)
        let notes = try cache.save(loadedNotes.compactMap(\.0)).map(\.note)
        let territoryText = readOptional(content, "territory.csv", log: &log,
                                         missing: "no territory series; the territory page will list only figures found in articles")
        let territory = territoryText.map { TerritoryCSV.load($0, path: "content/territory.csv", log: &log) } ?? []
        var inputs = ContentHash("dossier content")
        for text in [topicsText ?? "", territoryText ?? ""] { inputs = inputs.combined(ContentHash(text)) }
        for entry in articleEntries { inputs = inputs.combined(ContentHash(entry.article.path)).combined(entry.hash) }
        for note in notes { inputs = inputs.combined(ContentHash(note.path)).combined(note.sourceHash) }
        return SiteContent(topics: topics, articles: articles, notes: notes, territory: territory, inputHash: inputs)
    }

    /// The text of `content/<name>`, or `nil` with a warning when the site has no such file.
    static func readOptional(_ content: URL, _ name: String, log: inout DiagnosticLog, missing: String) -> String? {
        let url = content.appendingPathComponent(name)
        if let text = readText(url, path: "content/" + name, log: &log) { return text }
        if !FileManager.default.fileExists(atPath: url.path) { log.warning("content/" + name, missing) }
        return nil
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
        return decodeText(data, path: path, log: &log)
    }

    static func decodeText(_ data: Data, path: String, log: inout DiagnosticLog) -> String? {
        switch SourceText.decode(data) {
        case .success(let text): return text
        case .failure(.empty): log.error(path, "file is empty")
        case .failure(.nulByte(let offset)): log.error(path, "file holds a NUL byte at byte offset \(offset); it looks binary")
        case .failure(.invalidUTF8(let offset)): log.error(path, "file is not valid UTF-8 at byte offset \(offset)")
        }
        return nil
    }
}
