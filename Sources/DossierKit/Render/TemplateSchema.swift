/// The names a context type gives its template, at any depth, and which of them hold HTML the build made: read
/// from the type itself, by decoding one made-up value with a decoder that records every key asked for (the
/// contexts are `Decodable` for this alone). The template check warns about names outside it and refuses
/// `{{{…}}}` on anything but HTML.
struct TemplateSchema: Sendable, Equatable {
    /// Every name, at any level.
    var names: Set<String> = []
    /// The names whose value is HTML the build made.
    var html: Set<String> = []

    static func of<T: Decodable>(_ type: T.Type) -> TemplateSchema {
        let probe = TemplateSchemaProbe(key: nil)
        _ = try? T(from: probe)
        return probe.schema.value
    }

    func union(_ other: TemplateSchema) -> TemplateSchema {
        TemplateSchema(names: names.union(other.names), html: html.union(other.html))
    }
}

/// A decoder that answers every question with a placeholder (one item per list, every optional present) and
/// notes the keys asked for.
final class TemplateSchemaProbe: Decoder {
    final class Collected { var value = TemplateSchema() }
    let schema: Collected
    /// The key whose value this decoder reads.
    let key: String?
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(key: String?, schema: Collected = Collected(), depth: Int = 0) {
        self.key = key
        self.schema = schema
        self.depth = depth
    }

    func markHTML() { if let key { schema.value.html.insert(key) } }

    func child(_ key: String?) throws -> TemplateSchemaProbe {
        // Contexts are not recursive; a type that is would otherwise be probed forever.
        guard depth < 32 else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "too deep")) }
        if let key { schema.value.names.insert(key) }
        return TemplateSchemaProbe(key: key ?? self.key, schema: schema, depth: depth + 1)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(probe: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(probe: self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(probe: self) }

    static func placeholder<T: Decodable>(_ type: T.Type, probe: TemplateSchemaProbe) throws -> T {
        for placeholder in ["" as Any, 0 as Any, false as Any, 0.0 as Any] {
            if let value = placeholder as? T { return value }
        }
        return try T(from: probe)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let probe: TemplateSchemaProbe
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool {
            probe.schema.value.names.insert(key.stringValue)
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try TemplateSchemaProbe.placeholder(type, probe: try probe.child(key.stringValue))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try probe.child(key.stringValue).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try probe.child(key.stringValue).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { probe }
        func superDecoder(forKey key: Key) throws -> any Decoder { try probe.child(key.stringValue) }
    }

    /// A list of one item.
    struct Unkeyed: UnkeyedDecodingContainer {
        let probe: TemplateSchemaProbe
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex > 0 }
        var currentIndex = 0

        init(probe: TemplateSchemaProbe) { self.probe = probe }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try TemplateSchemaProbe.placeholder(type, probe: try probe.child(nil))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return try probe.child(nil).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return try probe.child(nil).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { probe }
    }

    struct Single: SingleValueDecodingContainer {
        let probe: TemplateSchemaProbe
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try TemplateSchemaProbe.placeholder(type, probe: probe) }
    }
}
