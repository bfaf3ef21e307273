import Foundation

/// Reads `content/` into values: topics, articles and notes, each file parsed on its own.
public enum SiteLoader {
    /// Reads the site's content. Files `reuse` knows by their hash are not parsed again; the body of every note
    /// parsed is given to `bodies` as soon as it is rendered, so that bodies are never all in memory at once. The
    /// entries come back with the content for a caching layer to remember; the loader itself saves nothing.
    /// `engine`: where notes are parsed, when the caller keeps one between loads (`dossier serve`, whose worker
    /// stays warm); otherwise the loader starts one from `options` and stops it when done.
    static func load(_ siteFiles: SiteFiles, reuse: any ContentReuse = NoReuse(), bodies: any NoteBodies,
                     options: BuildOptions = BuildOptions(), engine: MarkdownEngine? = nil,
                     log: inout DiagnosticLog) throws -> LoadedSite {
        let content = siteFiles.site.appendingPathComponent("content")
        let (config, configText) = readConfig(siteFiles, log: &log)
        let topicsText = readOptional(content, TopicLoader.fileName, from: siteFiles, log: &log, missing: "no topics file; pages will have no topics")
        let topics = topicsText.map { TopicLoader.load($0, path: TopicLoader.path, log: &log) } ?? []

        // Note Markdown is parsed in worker processes when the options name an executable; they end with the notes.
        // Notes that cannot be reused (all of them in a first build) need them: they start while the articles load.
        let notesFolder = content.appendingPathComponent("notes"), articlesFolder = content.appendingPathComponent("articles")
        let noteFiles = names(in: notesFolder, ending: ".md", path: "content/notes", log: &log)
        let markdown = engine ?? MarkdownEngine(options)
        defer { if engine == nil { markdown.stop() } }
        markdown.workers?.prestart(jobs: noteFiles.count { !reuse.mayReuseNote(at: "content/notes/" + $0) })

        // Files are read and parsed on every core; each keeps its own log, merged in file order (those not read
        // again first: a log is sorted before it is shown).
        let articleFiles = names(in: articlesFolder, ending: ".txt", path: "content/articles", log: &log)
        // What topics an article names depends on the topics too: their file is part of each article's hash.
        let matcher = TopicMatcher(topics: topics)
        let articleEntries = try sparing(articleFiles, in: "content/articles", unchanged: reuse.unchangedArticle, path: \.path,
                                         log: &log) { names, log in
            try loadFiles(names, in: "content/articles", at: articlesFolder, from: siteFiles, reuse: reuse.article,
                          salt: ContentHash(topicsText ?? ""), log: &log) { text, path, name, fileLog in
                ArticleLoader.load(text, path: path, id: String(name.dropLast(4)), matcher: matcher, log: &fileLog)
            }
        }
        let noteEntries = try sparing(noteFiles, in: "content/notes", unchanged: reuse.unchangedNote, path: \.path, log: &log) { names, log in
            try loadFiles(names, in: "content/notes", at: notesFolder, from: siteFiles, reuse: reuse.note, log: &log,
                          refuse: { markdown.limits.sizeProblem(bytes: $0)?.message },
                          start: { text, path, name, fileLog in
                NoteLoader.start(text, path: path, stem: String(name.dropLast(3)), log: &fileLog, markdown: markdown)
            }, finish: { started, hash, fileLog in
                guard let (parsed, html) = NoteLoader.finish(started, markdown: markdown, log: &fileLog) else { return nil }
                var note = parsed
                note.sourceHash = hash
                try bodies.keep(html, for: note.path)
                return note
            })
        }

        let territoryText = readOptional(content, "territory.csv", from: siteFiles, log: &log, missing: nil)
        let territory = territoryText.map { TerritoryCSV.load($0, path: "content/territory.csv", log: &log) }
        let eventsText = readOptional(content, "events.yml", from: siteFiles, log: &log, missing: nil)
        let events = eventsText.map { EventLoader.load($0, path: "content/events.yml", log: &log) } ?? []
        var inputs = ContentHash("dossier content")
        // A missing file and an empty one differ: the territory part is on only when its file exists.
        for text in [configText, topicsText, territoryText, eventsText] { inputs = inputs.combined(ContentHash(text.map { "+" + $0 } ?? "-")) }
        for (path, hash) in articleEntries.map({ ($0.value.path, $0.hash) }) + noteEntries.map({ ($0.value.path, $0.hash) }) {
            inputs = inputs.combined(ContentHash(path)).combined(hash)
        }
        return LoadedSite(topics: topics, articles: articleEntries, notes: noteEntries, territory: territory, events: events,
                          inputHash: inputs, config: config, hasConfigFile: configText != nil)
    }

    /// The entries of the files `names` in `folder`, in file order: those `unchanged` vouches for as they were, not
    /// read again (their warnings replayed); the others as `load` reads them.
    static func sparing<Value>(_ names: [String], in folder: String, unchanged: (String) -> LoadedFile<Value>?,
                               path: KeyPath<Value, String>, log: inout DiagnosticLog,
                               load: ([String], inout DiagnosticLog) throws -> [LoadedFile<Value>]) rethrows -> [LoadedFile<Value>] {
        var kept: [LoadedFile<Value>] = [], rest: [String] = []
        for name in names {
            if let entry = unchanged(folder + "/" + name) { kept.append(entry) } else { rest.append(name) }
        }
        for entry in kept { for diagnostic in entry.diagnostics { log.append(diagnostic) } }
        let loaded = try load(rest, &log)
        guard !kept.isEmpty else { return loaded }
        guard !loaded.isEmpty else { return kept }
        // Both are in file order: merge them.
        var merged: [LoadedFile<Value>] = []
        merged.reserveCapacity(kept.count + loaded.count)
        var i = 0, j = 0
        while i < kept.count || j < loaded.count {
            if j == loaded.count || i < kept.count && kept[i].value[keyPath: path] < loaded[j].value[keyPath: path] {
                merged.append(kept[i])
                i += 1
            } else {
                merged.append(loaded[j])
                j += 1
            }
        }
        return merged
    }

    /// Reads `files` on every core. A file whose hash (combined with `salt`) `reuse` knows gives the value it
    /// offers (and replays its warnings); any other is decoded and handed to `parse`. Entries come back in file
    /// order. A file whose size `refuse` gives a reason against is an error, and is not read.
    static func loadFiles<Value>(_ files: [String], in folder: String, at folderURL: URL, from siteFiles: SiteFiles,
                                 reuse: (String, ContentHash) -> LoadedFile<Value>?,
                                 salt: ContentHash? = nil, log: inout DiagnosticLog,
                                 refuse: ((Int) -> String?)? = nil,
                                 parse: (String, String, String, inout DiagnosticLog) throws -> Value?) throws -> [LoadedFile<Value>] {
        let loaded = try Parallel.map(files) { name -> (LoadedFile<Value>?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            switch readFile(name, in: folder, at: folderURL, from: siteFiles, reuse: reuse, salt: salt, refuse: refuse, log: &fileLog) {
            case .reused(let entry): return (entry, fileLog)
            case .text(let text, let hash):
                let path = "\(folder)/\(name)"
                guard let value = try parse(text, path, name, &fileLog) else { return (nil, fileLog) }
                return (LoadedFile(hash: hash, value: value, diagnostics: fileLog.items), fileLog)
            case nil: return (nil, fileLog)
            }
        }
        for (_, fileLog) in loaded { log.append(contentsOf: fileLog) }
        return loaded.compactMap(\.0)
    }

    /// As above, parsing in two steps: `start` on every file of a batch, then `finish` (given the file's hash) on
    /// each, so that what `start` hands off (a note's Markdown, to workers) proceeds while the next files are
    /// started. A batch is finished only after the next one is started; batches bound the work in hand.
    static func loadFiles<Started, Value>(_ files: [String], in folder: String, at folderURL: URL, from siteFiles: SiteFiles,
                                          reuse: (String, ContentHash) -> LoadedFile<Value>?,
                                          log: inout DiagnosticLog, refuse: ((Int) -> String?)?,
                                          start: (String, String, String, inout DiagnosticLog) throws -> Started?,
                                          finish: (Started, ContentHash, inout DiagnosticLog) throws -> Value?) throws -> [LoadedFile<Value>] {
        typealias Begun = (entry: LoadedFile<Value>?, started: (Started, ContentHash)?, log: DiagnosticLog)
        func begin(_ batch: ArraySlice<String>) throws -> [Begun] {
            try Parallel.map(Array(batch)) { name -> Begun in
                var fileLog = DiagnosticLog()
                switch readFile(name, in: folder, at: folderURL, from: siteFiles, reuse: reuse, salt: nil, refuse: refuse, log: &fileLog) {
                case .reused(let entry): return (entry, nil, fileLog)
                case .text(let text, let hash):
                    return (nil, try start(text, "\(folder)/\(name)", name, &fileLog).map { ($0, hash) }, fileLog)
                case nil: return (nil, nil, fileLog)
                }
            }
        }
        func end(_ begun: [Begun]) throws -> [(LoadedFile<Value>?, DiagnosticLog)] {
            // Files reused whole need no second step (a build after a small change: nearly all of them).
            if begun.allSatisfy({ $0.started == nil }) { return begun.map { ($0.entry, $0.log) } }
            return try Parallel.map(begun) { item -> (LoadedFile<Value>?, DiagnosticLog) in
                guard let (started, hash) = item.started else { return (item.entry, item.log) }
                var fileLog = item.log
                guard let value = try finish(started, hash, &fileLog) else { return (nil, fileLog) }
                return (LoadedFile(hash: hash, value: value, diagnostics: fileLog.items), fileLog)
            }
        }
        var loaded: [(LoadedFile<Value>?, DiagnosticLog)] = []
        var previous: [Begun] = []
        for offset in stride(from: 0, to: files.count, by: batchSize) {
            let begun = try begin(files[offset..<min(files.count, offset + batchSize)])
            loaded += try end(previous)
            previous = begun
        }
        loaded += try end(previous)
        for (_, fileLog) in loaded { log.append(contentsOf: fileLog) }
        return loaded.compactMap(\.0)
    }

    /// Files started and not yet finished, per batch: enough to keep the workers busy, few enough that the notes
    /// in hand (two batches, a few MB) reuse the same memory (512 measured slower).
    static let batchSize = 128

    enum FileRead<Value> {
        case reused(LoadedFile<Value>)
        case text(String, hash: ContentHash)
    }

    /// The reused entry for the file, or its text and hash to parse it; `nil`, with the problem in `log`, when it
    /// is refused or cannot be read.
    static func readFile<Value>(_ name: String, in folder: String, at folderURL: URL, from siteFiles: SiteFiles,
                                reuse: (String, ContentHash) -> LoadedFile<Value>?, salt: ContentHash?,
                                refuse: ((Int) -> String?)?, log: inout DiagnosticLog) -> FileRead<Value>? {
        let path = "\(folder)/\(name)"
        guard let data = siteFiles.data(at: folderURL.appendingPathComponent(name), path: path, refuse: refuse, log: &log) else { return nil }
        let bytesHash = data.withUnsafeBytes { ContentHash($0) }
        let hash = salt.map(bytesHash.combined) ?? bytesHash
        if let entry = reuse(path, hash) {
            for diagnostic in entry.diagnostics { log.append(diagnostic) }
            return .reused(entry)
        }
        guard let text = decodeText(data, path: path, log: &log) else { return nil }
        return .text(text, hash: hash)
    }

    /// `site.yml`, and its text; the standard configuration when the site has none.
    static func readConfig(_ siteFiles: SiteFiles, log: inout DiagnosticLog) -> (SiteConfig, String?) {
        let text = readOptional(siteFiles.site, SiteConfig.path, from: siteFiles, log: &log, missing: nil, folder: "")
        return (text.map { SiteConfigLoader.load($0, path: SiteConfig.path, log: &log) } ?? .standard, text)
    }

    /// The text of `content/<name>`, or `nil` (with a warning saying `missing`, if given) when there is no such file.
    static func readOptional(_ content: URL, _ name: String, from siteFiles: SiteFiles, log: inout DiagnosticLog,
                             missing: String?, folder: String = "content/") -> String? {
        let url = content.appendingPathComponent(name)
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            if let missing { log.warning(folder + name, missing) }
            return nil
        }
        return readText(url, path: folder + name, from: siteFiles, log: &log)
    }

    /// Regular files in `folder` whose names end with `ending`, sorted by name so that the build does not
    /// depend on the order the file system lists them in.
    static func files(in folder: URL, ending: String) -> [(String, URL)] {
        var log = DiagnosticLog()
        return names(in: folder, ending: ending, path: "", log: &log).map { ($0, folder.appendingPathComponent($0)) }
    }

    /// The names of those files, reporting a folder that exists but cannot be listed (a symbolic-link loop, say).
    static func names(in folder: URL, ending: String, path: String, log: inout DiagnosticLog) -> [String] {
        guard let names = Paths.names(in: folder.path) else {
            if let problem = FileProblem.describe(folder), problem != "is a folder, not a file" { log.error(path, problem) }
            return []
        }
        return names.filter { $0.hasSuffix(ending) && !$0.hasPrefix(".") }.sorted()
    }

    static func readText(_ url: URL, path: String, from siteFiles: SiteFiles, log: inout DiagnosticLog) -> String? {
        guard let data = siteFiles.data(at: url, path: path, log: &log) else { return nil }
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
