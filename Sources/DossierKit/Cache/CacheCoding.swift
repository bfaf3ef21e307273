/// A note as the notes cache file holds it: the note, and where the body store holds its body.
struct StoredNote: Sendable {
    var note: Note
    var body: BodyRef
}

/// How notes and articles are written in the file cache. Bump a format when its fields change.
enum CacheCoding {
    static let noteFormat = "dossier-note-cache-7"
    static let articleFormat = "dossier-article-cache-6"

    static func write(_ n: Note, to w: inout BinaryWriter) {
        w.string(n.path); w.string(n.slug); w.string(n.title); w.string(n.date.iso); w.optionalString(n.summary)
        w.located(n.topicRefs); w.located(n.sources)
        w.strings(n.anchors.sorted())
        w.int(n.siteLinks.count)
        for link in n.siteLinks { w.siteLink(link.value); w.int(link.line); w.int(link.column) }
        w.int(n.slugLine ?? -1)
        w.bool(n.isDraft)
        w.hash(n.bodyHash); w.hash(n.sourceHash)
    }

    /// A note and, beside it, where its body is: what `readStoredNote` reads.
    static func write(_ note: Note, body: BodyRef, to w: inout BinaryWriter) {
        write(note, to: &w)
        w.int(body.offset); w.int(body.length)
    }

    static func readStoredNote(_ r: inout BinaryReader) throws -> StoredNote {
        let note = try readNote(&r)
        let offset = try r.int(), length = try r.int()
        guard offset >= 0, length >= 0, offset <= Int.max - length else { throw BinaryReader.Corrupt() }
        return StoredNote(note: note, body: BodyRef(offset: offset, length: length))
    }

    static func readNote(_ r: inout BinaryReader) throws -> Note {
        let path = try r.string(), slug = try r.string(), title = try r.string(), date = try r.day()
        let summary = try r.optionalString()
        let topics = try r.located(), sources = try r.located()
        let anchors = Set(try r.strings())
        let links = try (0..<r.count(itemSize: 26)).map { _ in
            Located(value: try r.siteLink(), line: try r.int(), column: try r.int())
        }
        let slugLine = try r.int()
        let isDraft = try r.bool()
        let bodyHash = try r.hash()
        return Note(slug: slug, path: path, title: title, date: date, summary: summary, topicRefs: topics,
                    sources: sources, bodyHash: bodyHash, sourceHash: try r.hash(), siteLinks: links, anchors: anchors,
                    slugLine: slugLine < 0 ? nil : slugLine, isDraft: isDraft)
    }

    static func write(_ a: Article, to w: inout BinaryWriter) {
        w.string(a.id); w.string(a.path)
        w.optionalString(a.title); w.optionalString(a.date?.iso)
        for found in [a.provenance.outlet, a.provenance.url, a.provenance.date] { write(found, to: &w) }
        w.optionalString(a.provenance.accessed?.iso)
        w.optionalString(a.outlet)
        w.optionalString(a.url); w.optionalString(a.summary)
        w.located(a.topicRefs)
        w.strings(a.paragraphs)
        w.strings(a.namedTopics)
    }

    static func readArticle(_ r: inout BinaryReader) throws -> Article {
        let id = try r.string(), path = try r.string(), title = try r.optionalString()
        let date = try r.optionalDay()
        var provenance = ArticleProvenance(outlet: try readFoundIn(&r), url: try readFoundIn(&r), date: try readFoundIn(&r))
        provenance.accessed = try r.optionalDay()
        var article = Article(id: id, path: path, title: title, date: date, outlet: try r.optionalString(),
                              url: try r.optionalString(), summary: try r.optionalString(), topicRefs: try r.located(),
                              paragraphs: try r.strings())
        article.namedTopics = try r.strings()
        article.provenance = provenance
        return article
    }

    /// A place as three numbers: its kind (-1 for none), line and paragraph (-1 for none).
    static func write(_ found: FoundIn?, to w: inout BinaryWriter) {
        let (kind, line, paragraph): (Int, Int, Int?)
        switch found {
        case nil: (kind, line, paragraph) = (-1, 0, nil)
        case .text(let l, let p)?: (kind, line, paragraph) = (0, l, p)
        case .fileName?: (kind, line, paragraph) = (1, 0, nil)
        case .frontMatter(let l)?: (kind, line, paragraph) = (2, l, nil)
        }
        w.int(kind); w.int(line); w.int(paragraph ?? -1)
    }

    static func readFoundIn(_ r: inout BinaryReader) throws -> FoundIn? {
        let kind = try r.int(), line = try r.int(), paragraph = try r.int()
        switch kind {
        case -1: return nil
        case 0: return .text(line: line, paragraph: paragraph < 0 ? nil : paragraph)
        case 1: return .fileName
        case 2: return .frontMatter(line: line)
        default: throw BinaryReader.Corrupt()
        }
    }
}
