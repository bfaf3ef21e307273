import Yams

/// A value with the place in its file where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int
    public var column: Int
}

/// Typed, position-aware access to a YAML mapping's fields; each wrong value is reported once, at its line.
struct YAMLFields {
    private let entries: [String: Node]
    private let keyMarks: [String: Mark]
    let path: String
    let lineOffset: Int
    let line: Int

    init(node: Node?, path: String, lineOffset: Int) throws {
        self.path = path
        self.lineOffset = lineOffset
        guard let node else {
            entries = [:]; keyMarks = [:]; line = lineOffset + 1
            return
        }
        line = (node.mark?.line ?? 1) + lineOffset
        guard case let .mapping(mapping) = node else {
            throw Diagnostic(.error, path, line: line, column: node.mark?.column,
                             "front matter must be a mapping of fields (key: value), found \(node.kindName)")
        }
        var entries: [String: Node] = [:]
        var marks: [String: Mark] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            entries[name] = value
            marks[name] = key.mark
        }
        self.entries = entries
        self.keyMarks = marks
    }

    /// Whether the mapping sets `key` at all.
    func has(_ key: String) -> Bool { entries[key] != nil }

    var keys: [String] { entries.keys.sorted() }

    func position(ofKey key: String) -> (line: Int, column: Int) {
        let mark = keyMarks[key]
        return ((mark?.line ?? 1) + lineOffset, mark?.column ?? 1)
    }

    func position(_ node: Node) -> (line: Int, column: Int) {
        ((node.mark?.line ?? 1) + lineOffset, node.mark?.column ?? 1)
    }

    /// The value of `key` as written, for shapes the typed accessors do not cover.
    func node(_ key: String) -> Node? { entries[key] }

    /// Warns about fields outside `known`, suggesting the closest known name; `listing` names them all too.
    func warnUnknown(known: [String], listing: Bool = false, log: inout DiagnosticLog) {
        for key in keys where !known.contains(key) {
            let (l, c) = position(ofKey: key)
            var message = "unknown field '\(key)' is ignored"
            if let near = Suggest.closest(to: key, among: known) { message += "; did you mean '\(near)'?" }
            if listing { message += " (the fields are \(known.map { "'\($0)'" }.joined(separator: ", ")))" }
            log.warning(path, line: l, column: c, message)
        }
    }

    /// The mapping under `key` as fields of their own; `nil` when absent or not a mapping (reported).
    func fields(_ key: String, log: inout DiagnosticLog) -> YAMLFields? {
        guard let node = entries[key] else { return nil }
        guard case .mapping = node, let fields = try? YAMLFields(node: node, path: path, lineOffset: lineOffset) else {
            let (l, c) = position(node)
            log.error(path, line: l, column: c, "field '\(key)' must be a mapping of fields (key: value), found \(node.kindName)")
            return nil
        }
        return fields
    }

    func string(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Located<String>? {
        guard let node = entries[key] else {
            if required { log.error(path, line: line, "missing required field '\(key)'") }
            return nil
        }
        let (l, c) = position(node)
        guard case let .scalar(scalar) = node, !scalar.isNull else {
            log.error(path, line: l, column: c, "field '\(key)' must be text, found \(node.kindName)")
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty {
            log.error(path, line: l, column: c, "field '\(key)' is empty")
            return nil
        }
        return Located(value: text, line: l, column: c)
    }

    /// A list of strings; a single string is accepted as a list of one.
    func stringList(_ key: String, log: inout DiagnosticLog) -> [Located<String>] {
        guard let node = entries[key] else { return [] }
        switch node {
        case let .sequence(sequence):
            return sequence.compactMap { item in
                let (l, c) = position(item)
                guard case let .scalar(scalar) = item, !scalar.string.isEmpty else {
                    log.error(path, line: l, column: c, "each item of '\(key)' must be text, found \(item.kindName)")
                    return nil
                }
                return Located(value: scalar.string.trimmed, line: l, column: c)
            }
        case let .scalar(scalar) where !scalar.string.isEmpty:
            let (l, c) = position(node)
            return [Located(value: scalar.string, line: l, column: c)]
        default:
            let (l, c) = position(node)
            log.error(path, line: l, column: c, "field '\(key)' must be a list of text, found \(node.kindName)")
            return []
        }
    }

    /// `true` or `false`, written plainly (any case); anything else, quoted text included, is an error at its line.
    func bool(_ key: String, log: inout DiagnosticLog) -> Located<Bool>? {
        guard let node = entries[key] else { return nil }
        let (l, c) = position(node)
        if case let .scalar(scalar) = node, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true": return Located(value: true, line: l, column: c)
            case "false": return Located(value: false, line: l, column: c)
            default: break
            }
        }
        log.error(path, line: l, column: c, "field '\(key)' must be true or false, found \(node.kindName)")
        return nil
    }

    func day(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Located<Day>? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let day = Day(iso: text.value) else {
            let shape = text.value.count == 10 && Day(iso: "2000-01-01") != nil
                && text.value.split(separator: "-").count == 3
            log.error(path, line: text.line, column: text.column,
                      shape ? "date '\(text.value)' does not exist"
                            : "field '\(key)' must be a date written YYYY-MM-DD, found '\(text.value)'")
            return nil
        }
        return Located(value: day, line: text.line, column: text.column)
    }
}

extension Node.Scalar {
    /// Whether the scalar is YAML's null: `~`, `null`, or nothing at all (`key:`), unless quoted.
    var isNull: Bool {
        tag.description == Tag.Name.null.rawValue || (style == .plain && ["", "~", "null", "Null", "NULL"].contains(string))
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar(let s):
            return s.string.isEmpty || s.string == "~" || s.string == "null" ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension YAMLFields {
    /// The mappings of a file that is a YAML list of them (`topics.yml`, `events.yml`); each problem is logged,
    /// `shape` saying what the file must be when it is not a list.
    static func items(of text: String, path: String, shape: String, log: inout DiagnosticLog) -> [YAMLFields] {
        guard let root = YAMLDocument.root(of: text, path: path, log: &log) else { return [] }
        guard case let .sequence(items)? = root else {
            log.error(path, line: root?.mark?.line ?? 1, shape)
            return []
        }
        return items.compactMap { item in
            do { return try YAMLFields(node: item, path: path, lineOffset: 0) } catch let d as Diagnostic {
                log.append(d)
            } catch {}
            return nil
        }
    }
}
