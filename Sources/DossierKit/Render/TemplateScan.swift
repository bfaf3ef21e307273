import Foundation

/// The tags of one Mustache template, read in one linear pass before swift-mustache sees the text.
///
/// swift-mustache's parser measures the text left after every tag (quadratic in the template's size) and
/// recurses once per open section and per partial while rendering (20,000 nested sections, or a partial that
/// includes itself, overflow the stack). The build checks what that needs here, where it is cheap, and hands
/// swift-mustache only templates inside `TemplateScan` limits.
struct TemplateScan {
    /// Limits on one template; no honest layout comes near them (the shipped ones are under 4 KB, 100 tags and
    /// 5 levels), and inside them swift-mustache parses any template in well under a second.
    static let maxBytes = 64 * 1024
    static let maxTags = 2_000
    /// Sections open at once, counted through partials and parent templates too.
    static let maxDepth = 100

    enum Kind: Equatable {
        case variable, section, invertedSection, close, partial, parent, block, other
    }

    struct Tag: Equatable {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        /// Sections open around the tag in its own template, not counting the tag itself.
        var depth: Int
        /// `{{{name}}}` or `{{&name}}`: written without escaping.
        var unescaped = false
    }

    /// An `id="…"` the template writes as plain text, and the sections around it, which decide whether a page
    /// has it: links may point at it.
    struct StaticID: Equatable {
        var id: String
        var sections: [Condition]
    }

    struct Condition: Equatable {
        var name: String
        var inverted: Bool
    }

    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private(set) var tags: [Tag] = []
    private(set) var problems: [Problem] = []
    private(set) var ids: [StaticID] = []
    /// Deepest section nesting in the template itself.
    private(set) var depth = 0

    /// Scans `text`; stops at the first problem, which is then the only one.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        if bytes.count > Self.maxBytes {
            problems = [Problem(line: 1, column: 1, message: "template is \(bytes.count / 1024) KB; the limit is \(Self.maxBytes / 1024) KB")]
            return
        }
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var i = 0, line = 1, lineStart = 0
        var stack: [Tag] = []
        func advanceLines(to end: Int) {
            while i < end { if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }; i += 1 }
        }
        while let start = Self.find(open, in: bytes, from: i) {
            collectIDs(bytes[i..<start], sections: stack)
            advanceLines(to: start)
            let tagLine = line, tagColumn = start - lineStart + 1
            var inner = start + open.count
            var closing = close
            let triple = open == Array("{{".utf8) && inner < bytes.count && bytes[inner] == UInt8(ascii: "{")
            if triple { inner += 1; closing = Array("}}}".utf8) }
            guard let end = Self.find(closing, in: bytes, from: inner) else {
                problems.append(Problem(line: tagLine, column: tagColumn, message: "a tag is not closed ('\(String(decoding: closing, as: UTF8.self))' missing)"))
                return
            }
            let body = String(decoding: bytes[inner..<end], as: UTF8.self)
            advanceLines(to: end + closing.count)
            if tags.count == Self.maxTags {
                problems.append(Problem(line: tagLine, column: tagColumn, message: "template has more than \(Self.maxTags) tags, the limit"))
                return
            }
            var tag = Self.classify(body, triple: triple)
            tag.line = tagLine; tag.column = tagColumn; tag.depth = stack.count
            if tag.kind == .other, body.first == "=" {
                // A set-delimiter tag, `{{=<% %>=}}`: later tags use the new pair.
                let pair = body.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                guard body.hasSuffix("="), pair.count == 2, pair.allSatisfy({ $0.utf8.count <= 8 && !$0.contains("=") }) else {
                    problems.append(Problem(line: tagLine, column: tagColumn, message: "invalid set-delimiter tag"))
                    return
                }
                open = Array(pair[0].utf8); close = Array(pair[1].utf8)
            }
            switch tag.kind {
            case .section, .invertedSection, .parent, .block:
                stack.append(tag)
                depth = max(depth, stack.count)
                if stack.count > Self.maxDepth {
                    problems.append(Problem(line: tagLine, column: tagColumn, message: "sections nested more than \(Self.maxDepth) deep, the limit"))
                    return
                }
            case .close:
                let opened = stack.popLast()
                guard let opened, opened.name == tag.name else {
                    let message = opened.map { "'{{/\(tag.name)}}' closes '\(tag.name)' while '\($0.name)' is open" }
                        ?? "'{{/\(tag.name)}}' closes a section that is not open"
                    problems.append(Problem(line: tagLine, column: tagColumn, message: message))
                    return
                }
                tag.depth = stack.count
            default: break
            }
            tags.append(tag)
        }
        collectIDs(bytes[i...], sections: stack)
        if let unclosed = stack.last {
            problems.append(Problem(line: unclosed.line, column: unclosed.column, message: "section '\(unclosed.name)' is opened but never closed"))
        }
    }

    /// The ids written whole in `text` (between two tags): ` id="x"`, not `data-id="x"` nor `id="{{x}}"`.
    private mutating func collectIDs(_ text: ArraySlice<UInt8>, sections: [Tag]) {
        let marker = Array("id=\"".utf8)
        var i = text.startIndex
        while let start = Self.find(marker, in: text, from: i) {
            i = start + marker.count
            guard start > text.startIndex, [0x20, 0x0A, 0x09, 0x0D].contains(text[start - 1]) else { continue }
            guard let end = text[i...].firstIndex(of: UInt8(ascii: "\"")), end > i else { continue }
            let conditions = sections.filter { $0.kind == .section || $0.kind == .invertedSection }
                .map { Condition(name: $0.name, inverted: $0.kind == .invertedSection) }
            ids.append(StaticID(id: String(decoding: text[i..<end], as: UTF8.self), sections: conditions))
            i = end + 1
        }
    }

    /// What a tag's text between the delimiters asks for.
    private static func classify(_ body: String, triple: Bool) -> Tag {
        var text = Substring(body)
        var kind = Kind.variable
        if !triple, let sigil = text.first {
            switch sigil {
            case "#": kind = .section
            case "^": kind = .invertedSection
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "&": kind = .variable
            case "!", "=", "%": kind = .other
            default: break
            }
            if "#^/><$&!=%".contains(sigil) { text = text.dropFirst() }
        }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return Tag(kind: kind, name: name, line: 0, column: 0, depth: 0, unescaped: triple || body.first == "&")
    }

    /// The first place at or after `from` where `needle` starts; a plain scan, linear for short needles.
    private static func find<Bytes: RandomAccessCollection<UInt8>>(_ needle: [UInt8], in bytes: Bytes, from: Int) -> Int?
    where Bytes.Index == Int {
        guard let first = needle.first, from < bytes.endIndex else { return nil }
        var i = from
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
