import Foundation

/// Notes already loaded by an earlier build, by the hash of their file: an unchanged note is neither parsed
/// nor rendered again. Lives in `<site>/.dossier-cache/`; a missing, old or damaged cache is simply rebuilt.
struct NoteCache {
    /// Bumped whenever what a note becomes (its parsing or rendering) changes.
    static let format = "dossier-note-cache-3"

    struct Entry {
        var hash: ContentHash
        var note: Note
        var diagnostics: [Diagnostic]
    }

    private(set) var entries: [String: Entry] = [:]

    static func load(from path: String) -> NoteCache {
        guard let data = FileManager.default.contents(atPath: path) else { return NoteCache() }
        var reader = BinaryReader([UInt8](data))
        var cache = NoteCache()
        do {
            guard try reader.string() == format, try reader.hash() == LastBuild.program else { return NoteCache() }
            let count = try reader.int()
            for _ in 0..<max(0, count) {
                let entry = try readEntry(&reader)
                cache.entries[entry.note.path] = entry
            }
        } catch {
            return NoteCache()
        }
        return cache
    }

    func entry(for path: String, hash: ContentHash) -> Entry? {
        guard let entry = entries[path], entry.hash == hash else { return nil }
        return entry
    }

    /// Writes the entries for `notes` to `path`, atomically.
    static func save(_ entries: [Entry], to path: String) {
        var writer = BinaryWriter()
        writer.string(format)
        writer.hash(LastBuild.program)
        writer.int(entries.count)
        for entry in entries { write(entry, to: &writer) }
        FileOps.writeAtomically(writer.bytes, to: path)
    }

    private static func write(_ entry: Entry, to w: inout BinaryWriter) {
        let n = entry.note
        w.hash(entry.hash)
        w.string(n.path); w.string(n.slug); w.string(n.title); w.string(n.date.iso); w.optionalString(n.summary)
        for list in [n.topicRefs, n.sources] {
            w.int(list.count)
            for item in list { w.string(item.value); w.int(item.line); w.int(item.column) }
        }
        w.strings(n.anchors.sorted())
        w.int(n.siteLinks.count)
        for link in n.siteLinks {
            w.optionalString(link.value.page.map(PageCode.encode)); w.string(link.value.resolvedPath)
            w.optionalString(link.value.fragment); w.int(link.line); w.int(link.column)
        }
        w.int(n.slugLine ?? -1)
        w.int(n.body.offset); w.int(n.body.length)
        writeDiagnostics(entry.diagnostics, to: &w)
    }

    private static func readEntry(_ r: inout BinaryReader) throws -> Entry {
        let hash = try r.hash()
        let path = try r.string(), slug = try r.string(), title = try r.string()
        guard let date = Day(iso: try r.string()) else { throw BinaryReader.Corrupt() }
        let summary = try r.optionalString()
        var lists: [[Located<String>]] = []
        for _ in 0..<2 {
            let count = try r.int()
            lists.append(try (0..<max(0, count)).map { _ in Located(value: try r.string(), line: try r.int(), column: try r.int()) })
        }
        let anchors = Set(try r.strings())
        let linkCount = try r.int()
        let links = try (0..<max(0, linkCount)).map { _ -> Located<SiteLink> in
            let page = try r.optionalString().flatMap(PageCode.decode)
            let link = SiteLink(page: page, resolvedPath: try r.string(), fragment: try r.optionalString())
            return Located(value: link, line: try r.int(), column: try r.int())
        }
        let slugLine = try r.int()
        let body = BodyRef(offset: try r.int(), length: try r.int())
        let diagnostics = try readDiagnostics(&r)
        let note = Note(slug: slug, path: path, title: title, date: date, summary: summary, topicRefs: lists[0],
                        sources: lists[1], body: body, sourceHash: hash, siteLinks: links, anchors: anchors,
                        slugLine: slugLine < 0 ? nil : slugLine)
        return Entry(hash: hash, note: note, diagnostics: diagnostics)
    }
}

/// Pages written as text in the cache: `article:<id>`, `note:<slug>`, `file:<path>`, `home`…
enum PageCode {
    static func encode(_ page: SitePage) -> String {
        switch page {
        case .home: return "home"
        case .topicIndex: return "topics"
        case .territory: return "territory"
        case .article(let id): return "article:" + id
        case .note(let slug): return "note:" + slug
        case .topic(let slug): return "topic:" + slug
        case .file(let path): return "file:" + path
        }
    }

    static func decode(_ code: String) -> SitePage? {
        switch code {
        case "home": return .home
        case "topics": return .topicIndex
        case "territory": return .territory
        default:
            guard let colon = code.firstIndex(of: ":") else { return nil }
            let value = String(code[code.index(after: colon)...])
            switch code[..<colon] {
            case "article": return .article(value)
            case "note": return .note(value)
            case "topic": return .topic(value)
            case "file": return .file(value)
            default: return nil
            }
        }
    }
}
