/// What an encoder has written so far: values go straight into a map or list; a class, because nested
/// containers (which the contexts' synthesized `encode(to:)` never asks for, but `Encoder` must offer) keep
/// writing into it after they are handed out.
final class TemplateNode {
    enum Shape { case empty, single, map, list }
    var shape = Shape.empty
    var single = TemplateValue.null
    var map = TemplateMap()
    var list: [TemplateValue] = []
    /// Nested containers, filled in when the value is read: their position in `map.values` or `list`.
    var pending: [(index: Int, node: TemplateNode)] = []

    var value: TemplateValue {
        switch shape {
        case .empty: return .null
        case .single: return single
        case .map:
            var map = self.map
            for (index, node) in pending { map.values[index] = node.value }
            return .map(map)
        case .list:
            var list = self.list
            for (index, node) in pending { list[index] = node.value }
            return .list(list)
        }
    }

    func append(_ key: String, _ value: TemplateValue) { map.append(key, value) }

    func append(_ key: String, node: TemplateNode) {
        pending.append((map.values.count, node))
        map.append(key, .null)
    }

    func append(node: TemplateNode) {
        pending.append((list.count, node))
        list.append(.null)
    }
}

/// Encodes a page's typed context (any `Encodable`) into the `TemplateValue` its template receives. Optionals
/// that are `nil` become `.null` rather than disappearing, so that a missing value never makes Mustache look the
/// name up in an enclosing context (a source article without a date must not show the note's date).
final class TemplateEncoder: Encoder {
    let node: TemplateNode
    /// Not tracked (always empty): nothing reads it, and keeping it would cost an array per value.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: TemplateNode = TemplateNode()) {
        self.node = node
    }

    /// `context` as its template receives it. The contexts are this module's own structs; encoding them cannot
    /// fail, but a value that throws anyway renders as nothing rather than stopping the build.
    static func encode<T: Encodable>(_ context: T) -> TemplateValue {
        (try? value(context)) ?? .null
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.shape = .map
        return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.shape = .list
        return Unkeyed(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }

    /// Scalars, and the build's own HTML, without an encoder of their own.
    static func direct<T: Encodable>(_ value: T) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        case let html as HTMLFragment: return .html(html.html)
        case let body as NoteBodyRef: return .body(body)
        default: return nil
        }
    }

    static func value<T: Encodable>(_ value: T) throws -> TemplateValue {
        if let direct = direct(value) { return direct }
        let encoder = TemplateEncoder()
        try value.encode(to: encoder)
        return encoder.node.value
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: TemplateNode
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) { node.append(key.stringValue, .null) }
        mutating func encode(_ value: String, forKey key: Key) { node.append(key.stringValue, .text(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { node.append(key.stringValue, .number(value)) }
        mutating func encode(_ value: Bool, forKey key: Key) { node.append(key.stringValue, .flag(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.append(key.stringValue, try TemplateEncoder.value(value))
        }
        // `nil` is written as `.null`, where the standard library's default would leave the key out.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { return encodeNil(forKey: key) }
            try encode(value, forKey: key)
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
            node.append(key.stringValue, value.map { .text($0) } ?? .null)
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
            node.append(key.stringValue, value.map { .number($0) } ?? .null)
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
            node.append(key.stringValue, value.map { .flag($0) } ?? .null)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = TemplateNode()
            child.shape = .map
            node.append(key.stringValue, node: child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = TemplateNode()
            child.shape = .list
            node.append(key.stringValue, node: child)
            return Unkeyed(node: child)
        }
        mutating func superEncoder() -> any Encoder { TemplateEncoder(node: node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = TemplateNode()
            node.append(key.stringValue, node: child)
            return TemplateEncoder(node: child)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: TemplateNode
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.list.count }

        mutating func encodeNil() { node.list.append(.null) }
        mutating func encode(_ value: String) { node.list.append(.text(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.list.append(try TemplateEncoder.value(value))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = TemplateNode()
            child.shape = .map
            node.append(node: child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = TemplateNode()
            child.shape = .list
            node.append(node: child)
            return Unkeyed(node: child)
        }
        mutating func superEncoder() -> any Encoder {
            let child = TemplateNode()
            node.append(node: child)
            return TemplateEncoder(node: child)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: TemplateNode
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { node.shape = .single; node.single = .null }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.shape = .single
            node.single = try TemplateEncoder.value(value)
        }
    }
}

/// HTML the build made, in a context: the one kind of value a template may write with `{{{…}}}`.
struct HTMLFragment: Codable, Sendable, Hashable {
    var html: String

    init(_ html: String) { self.html = html }

    init(from decoder: any Decoder) throws {
        (decoder as? TemplateSchemaProbe)?.markHTML()
        html = try decoder.singleValueContainer().decode(String.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
