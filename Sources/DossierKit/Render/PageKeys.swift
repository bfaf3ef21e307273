/// A key per output file that changes whenever the file would: the hash of the templates and of exactly the
/// values the page's template receives (a note's body stands in by the hash of its source); for data files,
/// their text. Pages whose key is unchanged are neither rendered nor written again.
extension PageRenderer {
    func key(_ page: SitePage, templates fingerprint: ContentHash) -> ContentHash {
        var encoder = Canonical(PageCode.encode(page))
        switch page {
        case .home: encoder.append(home())
        case .territory: encoder.append(territory(on: page))
        case .topicIndex: encoder.append(topicList(on: page))
        case .file(let path):
            encoder.append(dataFile(path))
            return encoder.hash
        case .article(let id):
            if let article = index.article(id) { encoder.append(self.article(article, on: page)) }
        case .note(let slug):
            if let note = index.note(slug) { encoder.append(self.note(note, on: page, body: note.sourceHash.description)) }
        case .topic(let slug):
            if let topic = index.topic(slug) { encoder.append(self.topic(topic, on: page)) }
        }
        return fingerprint.combined(encoder.hash)
    }
}

/// One byte string for a template context, the same however its dictionaries happen to be ordered; each value
/// is tagged with its kind and length, so that different contexts never give the same bytes.
struct Canonical {
    private var bytes: [UInt8] = []

    init(_ prefix: String) {
        bytes.reserveCapacity(1024)
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(0)
    }

    var hash: ContentHash { bytes.withUnsafeBytes { ContentHash($0) } }

    mutating func append(_ value: Any) {
        switch value {
        case let string as String: tagged(UInt8(ascii: "s"), string.utf8.count); bytes.append(contentsOf: string.utf8)
        case let number as Int: tagged(UInt8(ascii: "i"), number)
        case let flag as Bool: bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case let map as [String: Any]: append(map)
        // Lists of maps first, by their exact type: casting them to [Any] would box every element.
        case let list as [[String: Any]]: append(list: list)
        case let list as [Any]: append(list: list)
        default: append("?\(value)")
        }
    }

    private mutating func append<Element>(list: [Element]) {
        tagged(UInt8(ascii: "["), list.count)
        for item in list { append(item) }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func append(_ map: [String: Any]) {
        tagged(UInt8(ascii: "{"), map.count)
        for key in map.keys.sorted() {
            tagged(UInt8(ascii: "k"), key.utf8.count)
            bytes.append(contentsOf: key.utf8)
            if let item = map[key] { append(item) }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A tag byte and a number, as eight little-endian bytes.
    private mutating func tagged(_ tag: UInt8, _ number: Int) {
        bytes.append(tag)
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
