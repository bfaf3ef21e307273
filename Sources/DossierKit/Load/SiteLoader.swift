import Foundation

/// Reads `content/` into values: topics, articles and notes, each file parsed on its own.
public enum SiteLoader {
    static func load(site: URL, cache: BuildCache, options: BuildOptions = BuildOptions(),
                     log: inout DiagnosticLog) throws -> SiteContent {
        let content = site.appendingPathComponent("content")
        let topicsText = readOptional(content, "topics.yml", log: &log, missing: "no topics file; pages will have no topics")
        let topics = topicsText.map { TopicLoader.load($0, path: "content/topics.yml", log: &log) } ?? []

        // Files are read and parsed on every core; each keeps its own log, merged in file order.
        let articleFiles = files(in: content.appendingPathComponent("articles"), ending: ".txt", path: "content/articles", log: &log)
        // What topics an article names depends on the topics too: their file is part of each article's cache key.
        let matcher = TopicMatcher(topics: topics)
        let articleEntries = try loadFiles(articleFiles, in: "content/articles", cache: cache.articles,
                                           salt: ContentHash(topicsText ?? ""), log: &log) { text, path, name, fileLog in
            ArticleLoader.load(text, path: path, id: String(name.dropLast(4)), matcher: matcher, log: &fileLog)
        }
        let noteFiles = files(in: content.appendingPathComponent("notes"), ending: ".md", path: "content/notes", log: &log)
        // Note Markdown is parsed in worker processes when the options name an executable; they end with the notes.
        let markdown = MarkdownEngine(options)
        defer { markdown.stop() }
        let noteEntries = try loadFiles(noteFiles, in: "content/notes", cache: cache.notes, log: &log,
                                        refuse: { markdown.limits.sizeProblem(bytes: $0)?.message }) {
            text, path, name, fileLog in
            guard let (parsed, html) = NoteLoader.load(text, path: path, stem: String(name.dropLast(3)), log: &fileLog,
                                                       markdown: markdown)
            else { return nil }
            var note = parsed
            note.body = try cache.bodies.append(html)
            return note
        }.map { entry in
            var entry = entry
            entry.value.sourceHash = entry.hash
            return entry
        }
        cache.save(articleEntries)
        let articles = articleEntries.map(\.value)
        let notes = try cache.save(noteEntries).map(\.value)

        let territoryText = readOptional(content, "territory.csv", log: &log,
                                         missing: "no territory series; the territory page will list only figures found in articles")
        let territory = territoryText.map { TerritoryCSV.load($0, path: "content/territory.csv", log: &log) } ?? []
        var inputs = ContentHash("dossier content")
        for text in [topicsText ?? "", territoryText ?? ""] { inputs = inputs.combined(ContentHash(text)) }
        for (path, hash) in articleEntries.map({ ($0.value.path, $0.hash) }) + noteEntries.map({ ($0.value.path, $0.hash) }) {
            inputs = inputs.combined(ContentHash(path)).combined(hash)
        }
        return SiteContent(topics: topics, articles: articles, notes: notes, territory: territory, inputHash: inputs)
    }

    /// Reads `files` on every core. A file whose hash (combined with `salt`) the cache knows gives the cached
    /// value (and replays its warnings); any other is decoded and handed to `parse`. Entries come back in file
    /// order. A file whose size `refuse` gives a reason against is an error, and is not read.
    static func loadFiles<Value>(_ files: [(String, URL)], in folder: String, cache: FileCache<Value>,
                                 salt: ContentHash? = nil, log: inout DiagnosticLog,
                                 refuse: (Int) -> String? = { _ in nil },
                                 parse: (String, String, String, inout DiagnosticLog) throws -> Value?) throws -> [FileCache<Value>.Entry] {
        let loaded = try Parallel.map(files) { name, url -> (FileCache<Value>.Entry?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let path = "\(folder)/\(name)"
            var info = stat()
            if stat(url.path, &info) == 0, let reason = refuse(Int(info.st_size)) {
                fileLog.error(path, reason)
                return (nil, fileLog)
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                _ = readText(url, path: path, log: &fileLog)
                return (nil, fileLog)
            }
            let bytesHash = data.withUnsafeBytes { ContentHash($0) }
            let hash = salt.map(bytesHash.combined) ?? bytesHash
            if let entry = cache.entry(for: path, hash: hash) {
                for diagnostic in entry.diagnostics { fileLog.append(diagnostic) }
                return (entry, fileLog)
            }
            guard let text = decodeText(data, path: path, log: &fileLog),
                  let value = try parse(text, path, name, &fileLog)
            else { return (nil, fileLog) }
            return (FileCache.Entry(hash: hash, value: value, diagnostics: fileLog.items), fileLog)
        }
        for (_, fileLog) in loaded { log.append(contentsOf: fileLog) }
        return loaded.compactMap(\.0)
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
