/// The search index the build writes under `search/` for `assets/search.js`, sharded so that a query fetches
/// only what it needs:
/// - `search/meta.json`: how many term shards and documents there are, and how many documents a chunk holds;
/// - `search/terms/<n>.json`: the terms whose FNV-1a hash (of their UTF-8 bytes) modulo the shard count is `n`,
///   each with its postings, `{"term": [p, …]}`; a posting is `gap * 8 + fields`, where `gap` is the document's
///   number minus the previous posting's (the first: minus -1) and `fields` says where the term is (4 title,
///   2 summary or topics, 1 body);
/// - `search/docs/<n>.json`: documents `n * chunk` onwards, each `[url, title, kind, iso date, date, snippet]`.
/// Terms are words keyed as topic aliases are (`NameFolding`), so spellings of one name find one another.
/// Documents are numbered newest first, so the lower number wins a tie.
struct SearchIndex: Sendable {
    /// A note or article as a result shows it.
    struct Document: Sendable {
        var url: String
        var title: String
        var kind: String
        var date: Day?
        var snippet: String
    }

    /// Where a term stands in a document: bits of a posting.
    enum Field {
        static let body: UInt8 = 1
        static let summary: UInt8 = 2
        static let title: UInt8 = 4
    }

    static let folder = "search"
    /// Small, since the results shown are scattered over the numbering: 20 results fetch at most 20 chunks.
    static let chunk = 16
    /// Longer words (a run of letters with no break, a hash, a URL's insides) are not indexed, nor searched for.
    static let maxTermBytes = 64
    /// A document's distinct terms past this many are not indexed, so no one text can swell the index.
    static let maxTermsPerDocument = 20_000
    /// The size a term shard is aimed at; the shard count is the power of two that gets closest from below.
    static let shardBytes = 24_000
    static let maxShards = 4096

    var documents: [Document]
    /// Each term's postings, already as the shards write them: a big site has tens of millions, and as text
    /// they take less memory than as numbers, and are written once.
    var postings: [String: Postings]
    /// How many documents are indexed at a time: only one batch's term tables are held, not every document's.
    static let batch = 512

    /// A document and its distinct terms, each with the fields it is in.
    struct Source: Sendable {
        var document: Document
        var terms: [(term: String, fields: UInt8)]

        /// With the body's keys as `bodyKeys(in:)` gives them (read from the body, or from the build cache).
        init(document: Document, title: String, summary: [String], bodyKeys: BodyKeys) {
            self.document = document
            terms = SearchIndex.terms(title: title, summary: summary, bodyKeys: bodyKeys)
        }
    }

    /// A note or article of the site, to be indexed.
    private enum Item {
        case note(Note)
        case article(Article)
    }

    /// The index of the notes (their rendered bodies as text) and articles (their paragraphs) of `site`, and the
    /// body terms used, by what they were made from: those `known` holds are taken from it, the others are made.
    static func make(_ site: SiteIndex, bodies: any NoteBodies,
                     known: SearchTermCache) throws -> (index: SearchIndex, used: [ContentHash: BodyTerms]) {
        let items = site.notes.map(Item.note) + site.articles.map(Item.article)
        var used: [ContentHash: BodyTerms] = [:]
        let index = try SearchIndex(count: items.count, order: { i in
            switch items[i] {
            case .note(let note): return (note.date, NotePage.path(note.slug))
            case .article(let article): return (article.date, ArticlePage.path(article.id))
            }
        }, sources: { numbers in
            let made = try Parallel.map(Array(numbers)) { i in try source(items[i], in: site, bodies: bodies, known: known) }
            // Two bodies with one hash have one text, so the same terms.
            for (_, hash, terms) in made where used[hash] == nil { used[hash] = terms }
            return made.map(\.0)
        })
        return (index, used)
    }

    private static func source(_ item: Item, in site: SiteIndex, bodies: any NoteBodies,
                               known: SearchTermCache) throws -> (Source, ContentHash, BodyTerms) {
        switch item {
        case .note(let note):
            let hash = noteTermsKey(note)
            let terms = try known[hash] ?? {
                let text = SearchText.plain(fromHTML: try bodies.body(of: note))
                // The snippet is cut from the body only when there is no summary: collapsing every body is slow.
                return BodyTerms(keys: bodyKeys(in: [text]), snippet: note.summary == nil ? Excerpt.make(Excerpt.oneLine(text), limit: 200) : "")
            }()
            let topics = note.topics.compactMap { site.topic($0)?.name }
            let source = Source(document: Document(url: NotePage.path(note.slug), title: note.title, kind: "note", date: note.date,
                                                   snippet: note.summary.map { Excerpt.make($0, limit: 200) } ?? terms.snippet),
                                title: note.title, summary: [note.summary ?? ""] + topics, bodyKeys: terms.keys)
            return (source, hash, terms)
        case .article(let article):
            let hash = articleTermsKey(article)
            let terms = known[hash] ?? BodyTerms(keys: bodyKeys(in: article.paragraphs), snippet: "")
            let topics = article.topics.compactMap { site.topic($0)?.name }
            let title = article.title ?? article.id
            let source = Source(document: Document(url: ArticlePage.path(article.id), title: title, kind: "article", date: article.date,
                                                   snippet: Excerpt.make(article.listSummary ?? "", limit: 200)),
                                title: title, summary: [article.summary ?? ""] + topics, bodyKeys: terms.keys)
            return (source, hash, terms)
        }
    }

    /// What a note's body terms are made from: its rendered body, and whether the snippet is cut from it.
    static func noteTermsKey(_ note: Note) -> ContentHash {
        ContentHash(note.summary == nil ? "search: note body and snippet" : "search: note body").combined(note.bodyHash)
    }

    /// What an article's body terms are made from: its paragraphs, each on a line of its own (no key spans a line).
    static func articleTermsKey(_ article: Article) -> ContentHash {
        ContentHash("search: article paragraphs").combined(ContentHash(article.paragraphs.joined(separator: "\n")))
    }

    init(sources: [Source]) {
        self.init(count: sources.count, order: { (sources[$0].document.date, sources[$0].document.url) },
                  sources: { $0.map { sources[$0] } })
    }

    /// Indexes `count` documents, numbered by `order` (date and URL): newest first, undated last, then by URL, so
    /// that the numbering never depends on the order files were read. `sources` makes the documents of a batch of
    /// positions, in the order given; their term tables are dropped once their postings are added.
    init(count: Int, order: (Int) -> (date: Day?, url: String),
         sources: (ArraySlice<Int>) throws -> [Source]) rethrows {
        let keys = (0..<count).map { i in let (date, url) = order(i); return (date?.sortKeyValue ?? Int.min, url, i) }
        let numbered = keys.sorted { a, b in a.0 != b.0 ? a.0 > b.0 : a.1.utf8.lexicographicallyPrecedes(b.1.utf8) }.map(\.2)
        var documents: [Document] = []
        documents.reserveCapacity(count)
        var postings: [String: Postings] = [:]
        for start in stride(from: 0, to: count, by: Self.batch) {
            for source in try sources(numbered[start..<min(start + Self.batch, count)]) {
                let number = documents.count
                documents.append(source.document)
                for (term, fields) in source.terms { postings[term, default: Postings()].add(document: number, fields: fields) }
            }
        }
        self.documents = documents
        self.postings = postings
    }

    /// The distinct terms of a document, with the fields each is in, from the body's distinct keys in the order
    /// they first occur: adding each once gives what adding every occurrence would, since a key refused by the cap
    /// is refused again. Unordered: a term's postings follow the documents' order, and the files sort the terms.
    /// The title's and summary's few terms are held in a table; the body's keys, distinct already and a hundred
    /// times as many, are looked up in it only when a filter of lengths and first bytes says they may be there.
    static func terms(title: String, summary: [String], bodyKeys: BodyKeys) -> [(term: String, fields: UInt8)] {
        var named: [String: UInt8] = [:]
        var order: [String] = []
        var filter = KeyFilter()
        func add(_ text: String, _ field: UInt8) {
            forEachKey(in: text) { key in
                guard key.utf8.count <= maxTermBytes else { return }
                if let had = named[key] { named[key] = had | field; return }
                guard order.count < maxTermsPerDocument else { return }
                named[key] = field
                order.append(key)
                filter.insert(key)
            }
        }
        add(title, Field.title)
        for text in summary { add(text, Field.summary) }
        var terms: [(term: String, fields: UInt8)] = []
        terms.reserveCapacity(min(maxTermsPerDocument, order.count + bodyKeys.count))
        var count = order.count
        bodyKeys.forEach { key in
            if filter.mayHold(key), let had = named[key] {
                named[key] = had | Field.body
            } else if count < maxTermsPerDocument {
                count += 1
                terms.append((key, Field.body))
            }
        }
        for key in order { terms.append((key, named[key] ?? 0)) }
        return terms
    }

    /// Which lengths and first bytes a few keys have: a key it says no to is none of them.
    private struct KeyFilter {
        private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        private static func slot(_ key: String) -> Int {
            let utf8 = key.utf8
            return (utf8.count &* 31 &+ Int(utf8.first ?? 0)) & 255
        }

        mutating func insert(_ key: String) {
            let slot = Self.slot(key), bit = UInt64(1) << UInt64(slot & 63)
            switch slot >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            default: bits.3 |= bit
            }
        }

        func mayHold(_ key: String) -> Bool {
            let slot = Self.slot(key), bit = UInt64(1) << UInt64(slot & 63)
            switch slot >> 6 {
            case 0: return bits.0 & bit != 0
            case 1: return bits.1 & bit != 0
            case 2: return bits.2 & bit != 0
            default: return bits.3 & bit != 0
            }
        }
    }

    /// The distinct keys of `texts` no longer than `maxTermBytes`, in the order they first occur: what a body
    /// gives the index, kept in the build cache.
    static func bodyKeys(in texts: [String]) -> BodyKeys {
        var seen: Set<String> = Set(minimumCapacity: 256)
        var keys: [String] = []
        for text in texts {
            forEachKey(in: text) { key in
                guard key.utf8.count <= maxTermBytes, seen.insert(key).inserted else { return }
                keys.append(key)
            }
        }
        return BodyKeys(keys)
    }

    /// The keys of the words of `text`, exactly as `NameFolding.words(in:)` gives them, faster: no word spans
    /// white space (neither a word's letter nor an apostrophe), so each space-separated piece is keyed alone, and in
    /// a piece of ASCII without an apostrophe, most of them, the words are the runs of letters and digits.
    static func keys(in text: String) -> [String] {
        var keys: [String] = []
        forEachKey(in: text) { keys.append($0) }
        return keys
    }

    /// `body` with each key `keys(in:)` gives, in order, without collecting them.
    static func forEachKey(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var simple = true
            func piece(_ end: Int) {
                guard start < end else { return }
                guard simple else {
                    for word in NameFolding.words(in: String(decoding: bytes[start..<end], as: UTF8.self)) { body(word.key) }
                    return
                }
                var run = -1
                for index in start..<end {
                    let byte = bytes[index]
                    if byte >= 0x30 && byte <= 0x39 || byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A {
                        if run < 0 { run = index }
                    } else if run >= 0 {
                        body(NameFolding.key(asciiWord: UnsafeBufferPointer(rebasing: bytes[run..<index])))
                        run = -1
                    }
                }
                if run >= 0 { body(NameFolding.key(asciiWord: UnsafeBufferPointer(rebasing: bytes[run..<end]))) }
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    piece(index)
                    start = index + 1
                    simple = true
                } else if byte >= 0x80 || byte == 0x27 {
                    simple = false
                }
            }
            piece(bytes.count)
        }
    }

    /// The shard `term` is in, out of `count` (a power of two).
    static func shard(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash & UInt32(count - 1))
    }

    /// One term's postings, in the order of the documents: `gap * 8 + fields` in decimal, separated by commas.
    struct Postings: Sendable {
        private(set) var text: [UInt8] = []
        private var last = -1

        /// Adds `document`, which comes after every document added before.
        mutating func add(document: Int, fields: UInt8) {
            if last >= 0 { text.append(UInt8(ascii: ",")) }
            var value = (document - last) * 8 + Int(fields)
            last = document
            let start = text.count
            repeat {
                text.append(UInt8(ascii: "0") + UInt8(value % 10))
                value /= 10
            } while value > 0
            text[start...].reverse()
        }
    }

    /// Every file of the index, by its path in the output folder, in a fixed order. Each shard's text is made
    /// straight from the postings, on both cores: a big site's terms and postings as text a second time, before
    /// they were put in their shards, were a third of the build's peak memory.
    var files: [(path: String, text: String)] {
        let postings = self.postings
        let terms = Array(postings.keys)
        // A term's entry is its quoted text, ":[", its postings and "]", and a separator.
        let total = terms.reduce(0) { $0 + TerritoryData.quote($1).utf8.count + (postings[$1]?.text.count ?? 0) + 4 }
        var shards = 1
        while shards < Self.maxShards && total / shards > Self.shardBytes { shards *= 2 }
        var members = Array(repeating: [String](), count: shards)
        for term in terms { members[Self.shard(of: term, count: shards)].append(term) }
        let texts = Parallel.map(members) { members in
            var text: [UInt8] = [UInt8(ascii: "{")]
            for (index, term) in members.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { text.append(contentsOf: ",\n".utf8) }
                text.append(contentsOf: TerritoryData.quote(term).utf8)
                text.append(contentsOf: ":[".utf8)
                text.append(contentsOf: postings[term]?.text ?? [])
                text.append(UInt8(ascii: "]"))
            }
            text.append(contentsOf: "}\n".utf8)
            return String(decoding: text, as: UTF8.self)
        }
        let chunks = stride(from: 0, to: documents.count, by: Self.chunk).map { start in
            documents[start..<min(start + Self.chunk, documents.count)]
        }
        let meta = "{\"version\":1,\"shards\":\(shards),\"chunk\":\(Self.chunk),\"documents\":\(documents.count)}\n"
        return [("\(Self.folder)/meta.json", meta)]
            + texts.enumerated().map { ("\(Self.folder)/terms/\($0.offset).json", $0.element) }
            + chunks.enumerated().map { ("\(Self.folder)/docs/\($0.offset).json", "[" + $0.element.map(Self.row).joined(separator: ",\n") + "]\n") }
    }

    private static func row(_ document: Document) -> String {
        let values = [document.url, document.title, document.kind, document.date?.iso ?? "", document.date?.display ?? "", document.snippet]
        return "[" + values.map(TerritoryData.quote).joined(separator: ",") + "]"
    }

    /// The index files of `site`, and the body terms they were made from (see `make`).
    static func files(_ site: SiteIndex, bodies: any NoteBodies, known: SearchTermCache)
        throws -> (files: [(path: String, text: String)], used: [ContentHash: BodyTerms]) {
        let (index, used) = try make(site, bodies: bodies, known: known)
        return (index.files, used)
    }
}
