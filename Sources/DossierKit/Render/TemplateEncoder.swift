/// Encodes a page's typed context (any `Encodable`) into the `TemplateValue` its template receives. Optionals
/// that are `nil` become `.null` rather than disappearing, so that a missing value never makes Mustache look the
/// name up in an enclosing context (a source article without a date must not show the note's date).
enum TemplateEncoding {
    static func value<T: Encodable>(of context: T) -> TemplateValue {
        if let direct = TemplateEncoder.direct(context) { return direct }
        let encoder = TemplateEncoder()
        // The contexts are this module's own structs; encoding them cannot fail, but a value that throws
        // anyway renders as nothing rather than stopping the build.
        do { try context.encode(to: encoder) } catch { return .null }
        return encoder.node.value
    }
}

/// What an encoder has written so far; a class, because nested containers keep writing into it after they are
/// handed out.
final class TemplateNode {
    enum Shape { case empty, value(TemplateValue), map([(String, TemplateNode)]), list([TemplateNode]) }
    var shape: Shape = .empty

    init(_ shape: Shape = .empty) { self.shape = shape }

    var value: TemplateValue {
        switch shape {
        case .empty: return .null
        case .value(let value): return value
        case .map(let items):
            var map = TemplateMap()
            map.keys.reserveCapacity(items.count)
            map.values.reserveCapacity(items.count)
            for (key, node) in items { map.append(key, node.value) }
            return .map(map)
        case .list(let items): return .list(items.map(\.value))
        }
    }

    func append(_ key: String, _ node: TemplateNode) {
        if case .map(var items) = shape {
            shape = .empty
            items.append((key, node))
            shape = .map(items)
        } else {
            shape = .map([(key, node)])
        }
    }

    func append(_ node: TemplateNode) {
        if case .list(var items) = shape {
            shape = .empty
            items.append(node)
            shape = .list(items)
        } else {
            shape = .list([node])
        }
    }
}

final class TemplateEncoder: Encoder {
    let node: TemplateNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: TemplateNode = TemplateNode(), codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = node.shape {} else { node.shape = .map([]) }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = node.shape {} else { node.shape = .list([]) }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }

    /// Scalars and optionals without an encoder of their own.
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

    static func node<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> TemplateNode {
        if let direct = direct(value) { return TemplateNode(.value(direct)) }
        let encoder = TemplateEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.node
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: TemplateNode
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) { node.append(key.stringValue, TemplateNode(.value(.null))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.append(key.stringValue, try TemplateEncoder.node(value, codingPath: codingPath + [key]))
        }
        // `nil` is written as `.null`, where the standard library's default would leave the key out.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { return encodeNil(forKey: key) }
            try encode(value, forKey: key)
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            guard let value else { return encodeNil(forKey: key) }
            node.append(key.stringValue, TemplateNode(.value(.text(value))))
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            guard let value else { return encodeNil(forKey: key) }
            node.append(key.stringValue, TemplateNode(.value(.number(value))))
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            guard let value else { return encodeNil(forKey: key) }
            node.append(key.stringValue, TemplateNode(.value(.flag(value))))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = TemplateNode(.map([]))
            node.append(key.stringValue, child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = TemplateNode(.list([]))
            node.append(key.stringValue, child)
            return Unkeyed(node: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { TemplateEncoder(node: node, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = TemplateNode()
            node.append(key.stringValue, child)
            return TemplateEncoder(node: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: TemplateNode
        let codingPath: [any CodingKey]
        var count: Int {
            if case .list(let items) = node.shape { return items.count }
            return 0
        }

        mutating func encodeNil() { node.append(TemplateNode(.value(.null))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.append(try TemplateEncoder.node(value, codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = TemplateNode(.map([]))
            node.append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = TemplateNode(.list([]))
            node.append(child)
            return Unkeyed(node: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder {
            let child = TemplateNode()
            node.append(child)
            return TemplateEncoder(node: child, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: TemplateNode
        let codingPath: [any CodingKey]

        mutating func encodeNil() { node.shape = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.shape = try TemplateEncoder.node(value, codingPath: codingPath).shape
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
