import Foundation

/// Cleaned articles by the hash of their file, as the note cache keeps notes: cleaning a scrape is the
/// costliest part of loading one, and an unchanged file always cleans the same way.
struct ArticleCache {
    static let format = "dossier-article-cache-1"

    struct Entry {
        var hash: ContentHash
        var article: Article
        var diagnostics: [Diagnostic]
    }

    private(set) var entries: [String: Entry] = [:]

    func entry(for path: String, hash: ContentHash) -> Entry? {
        guard let entry = entries[path], entry.hash == hash else { return nil }
        return entry
    }

    static func load(from path: String) -> ArticleCache {
        guard let data = FileManager.default.contents(atPath: path) else { return ArticleCache() }
        var r = BinaryReader([UInt8](data))
        var cache = ArticleCache()
        do {
            guard try r.string() == format, try r.hash() == LastBuild.program else { return ArticleCache() }
            for _ in 0..<max(0, try r.int()) {
                let hash = try r.hash()
                let id = try r.string(), file = try r.string()
                let title = try r.optionalString(), date = try r.optionalString(), outlet = try r.optionalString()
                let url = try r.optionalString(), summary = try r.optionalString()
                let refCount = try r.int()
                let refs = try (0..<max(0, refCount)).map { _ in Located(value: try r.string(), line: try r.int(), column: try r.int()) }
                let paragraphs = try r.strings()
                let diagnostics = try readDiagnostics(&r)
                let day = try date.map { value -> Day in
                    guard let day = Day(iso: value) else { throw BinaryReader.Corrupt() }
                    return day
                }
                let article = Article(id: id, path: file, title: title, date: day, outlet: outlet, url: url, summary: summary,
                                      topicRefs: refs, paragraphs: paragraphs)
                cache.entries[file] = Entry(hash: hash, article: article, diagnostics: diagnostics)
            }
        } catch {
            return ArticleCache()
        }
        return cache
    }

    static func save(_ entries: [Entry], to path: String) {
        var w = BinaryWriter()
        w.string(format)
        w.hash(LastBuild.program)
        w.int(entries.count)
        for entry in entries {
            let a = entry.article
            w.hash(entry.hash); w.string(a.id); w.string(a.path)
            w.optionalString(a.title); w.optionalString(a.date?.iso); w.optionalString(a.outlet)
            w.optionalString(a.url); w.optionalString(a.summary)
            w.int(a.topicRefs.count)
            for ref in a.topicRefs { w.string(ref.value); w.int(ref.line); w.int(ref.column) }
            w.strings(a.paragraphs)
            writeDiagnostics(entry.diagnostics, to: &w)
        }
        FileOps.writeAtomically(w.bytes, to: path)
    }
}

func writeDiagnostics(_ diagnostics: [Diagnostic], to w: inout BinaryWriter) {
    w.int(diagnostics.count)
    for d in diagnostics {
        w.bool(d.severity == .error); w.string(d.path); w.int(d.line ?? -1); w.int(d.column ?? -1); w.string(d.message)
    }
}

func readDiagnostics(_ r: inout BinaryReader) throws -> [Diagnostic] {
    let count = try r.int()
    return try (0..<max(0, count)).map { _ -> Diagnostic in
        let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
        let file = try r.string(), line = try r.int(), column = try r.int()
        return Diagnostic(severity, file, line: line < 0 ? nil : line, column: column < 0 ? nil : column, try r.string())
    }
}
