import Mustache

/// A value as a template receives it. A page's typed context is encoded into one of these once
/// (`TemplateEncoder`); its page key is the hash of that very value, and swift-mustache reads it through
/// `MustacheParent`, so what is hashed and what is rendered cannot differ.
enum TemplateValue: Sendable {
    case text(String)
    /// HTML the build made (a note's body, the chart): the only values a template may write unescaped.
    case html(String)
    /// A note's body, kept in `NoteBodies` until the page is rendered; stands for the HTML whose hash it holds.
    case body(NoteBodyRef)
    case number(Int)
    case flag(Bool)
    /// An absent optional: renders as nothing, and stops a name from being looked up in the enclosing values.
    case null
    case list([TemplateValue])
    case map(TemplateMap)
}

/// A context's fields, in declaration order.
struct TemplateMap: Sendable {
    var keys: [String] = []
    var values: [TemplateValue] = []

    subscript(name: String) -> TemplateValue? {
        keys.firstIndex(of: name).map { values[$0] }
    }

    mutating func append(_ key: String, _ value: TemplateValue) {
        keys.append(key)
        values.append(value)
    }
}

/// Where a note's rendered body is, and the hash of its HTML. In a context it encodes as `.body` (see
/// `TemplateEncoder.direct`) and counts as HTML.
struct NoteBodyRef: Sendable, Hashable, Codable {
    var slug: String
    var hash: ContentHash

    init(slug: String, hash: ContentHash) {
        self.slug = slug
        self.hash = hash
    }

    init(from decoder: any Decoder) throws {
        (decoder as? TemplateSchemaProbe)?.markHTML()
        self.init(slug: try decoder.singleValueContainer().decode(String.self), hash: ContentHash(a: 0, b: 0))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(slug)
    }
}

extension TemplateValue {
    /// The same value with every note body read in, through `read`; only the lists and maps that hold one are
    /// copied.
    func loadingBodies(_ read: (NoteBodyRef) throws(CacheDamaged) -> String) throws(CacheDamaged) -> TemplateValue {
        switch self {
        case .body(let ref): return .html(try read(ref))
        case .list(var items):
            for i in items.indices where items[i].hasBodies { items[i] = try items[i].loadingBodies(read) }
            return .list(items)
        case .map(var map):
            for i in map.values.indices where map.values[i].hasBodies { map.values[i] = try map.values[i].loadingBodies(read) }
            return .map(map)
        default: return self
        }
    }

    /// Whether any note body is still to be read.
    var hasBodies: Bool {
        switch self {
        case .body: return true
        case .list(let items): return items.contains { $0.hasBodies }
        case .map(let map): return map.values.contains { $0.hasBodies }
        default: return false
        }
    }
}

// MARK: - What swift-mustache sees

extension TemplateValue: MustacheParent, MustacheCustomRenderable {
    func child(named name: String) -> Any? {
        guard case .map(let map) = self, let value = map[name] else { return nil }
        switch value {
        case .text(let text): return text
        case .html(let html): return TemplateHTML(renderText: html)
        case .number(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items
        case .map, .null, .body: return value
        }
    }

    /// `{{.}}` inside a list of texts or numbers.
    var renderText: String {
        switch self {
        case .text(let text), .html(let text): return text
        case .number(let number): return String(number)
        default: return ""
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        if case .body = self { return true }
        return false
    }
}

/// HTML the build made: escaped by `{{…}}` like any text, written as it is by `{{{…}}}`.
struct TemplateHTML: MustacheCustomRenderable {
    var renderText: String
    var isNull: Bool { false }
}

// MARK: - Hashing

extension TemplateValue {
    /// The hash of the value, after `prefix`; HTML counts by the hash of its text, so a body not yet read
    /// hashes as the body itself will.
    func hash(prefix: String) -> ContentHash {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(0)
        append(to: &bytes)
        return bytes.withUnsafeBytes { ContentHash($0) }
    }

    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): Self.tagged(&bytes, "s", text.utf8.count); bytes.append(contentsOf: text.utf8)
        case .html(let html): Self.hashed(&bytes, ContentHash(html))
        case .body(let ref): Self.hashed(&bytes, ref.hash)
        case .number(let number): Self.tagged(&bytes, "i", number)
        case .flag(let flag): bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .null: bytes.append(UInt8(ascii: "n"))
        case .list(let items):
            Self.tagged(&bytes, "[", items.count)
            for item in items { item.append(to: &bytes) }
        case .map(let map):
            Self.tagged(&bytes, "{", map.keys.count)
            for (key, value) in zip(map.keys, map.values) {
                Self.tagged(&bytes, "k", key.utf8.count)
                bytes.append(contentsOf: key.utf8)
                value.append(to: &bytes)
            }
        }
    }

    /// A tag byte and a number, as eight little-endian bytes: different values never give the same bytes.
    private static func tagged(_ bytes: inout [UInt8], _ tag: Unicode.Scalar, _ number: Int) {
        bytes.append(UInt8(ascii: tag))
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func hashed(_ bytes: inout [UInt8], _ hash: ContentHash) {
        bytes.append(UInt8(ascii: "h"))
        withUnsafeBytes(of: hash.a.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: hash.b.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
