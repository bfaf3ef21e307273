import Yams

/// The site's YAML (front matter, `topics.yml`, `site.yml`) composed into nodes, errors at their line.
///
/// Composing shares an alias's node instead of copying it, so aliases cost no memory there; but Yams hashes every
/// mapping key to find duplicates, and a key that is an alias of an alias of … (a "billion laughs") is hashed
/// through its whole expansion: nine lines of anchors kept a build busy past a 20 s deadline, and each further line
/// multiplies that by its width. So the text's aliases are weighed before it is composed.
enum YAMLDocument {
    /// The most text, in bytes, that aliases may repeat in one file, counted with aliases inside repeated text.
    /// Far above what sharing a few values needs, far below what takes noticeable time to hash.
    static let aliasLimit = 1 << 20

    /// The document's root node, `nil` for an empty document. Throws a `Diagnostic` for invalid YAML and for
    /// aliases past `aliasLimit`; positions are shifted by `lineOffset`, the lines of the file before `text`.
    static func compose(_ text: String, path: String, lineOffset: Int) throws -> Node? {
        if let excess = aliasExcess(in: text) {
            let (line, column) = position(ofByte: excess.offset, in: text)
            throw Diagnostic(.error, path, line: line + lineOffset, column: column,
                             "alias '*\(excess.name)' makes the text repeated by anchors and aliases more than "
                                + "\(aliasLimit >> 20) MB; an alias repeats all its anchor names, aliases inside "
                                + "included, so nest fewer of them")
        }
        do {
            // UTF-8 named explicitly: Yams' default encoding reads the whole process environment on every call.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw error.diagnostic(path: path, lineOffset: lineOffset)
        }
    }

    /// The root node of a whole file (`site.yml`, `topics.yml`, …); `.some(nil)` for an empty file, and `nil`, with
    /// the problem logged, for one that cannot be read.
    static func root(of text: String, path: String, log: inout DiagnosticLog) -> Node?? {
        do {
            return .some(try compose(text, path: path, lineOffset: 0))
        } catch let error as Diagnostic {
            log.append(error)
        } catch {
            log.error(path, "invalid YAML: \(error)")
        }
        return nil
    }

    /// The first alias at which the text aliases repeat exceeds `aliasLimit`, if any.
    ///
    /// An upper bound, found from the bytes alone: every `&name` is taken for an anchor and every `*name` for an
    /// alias, even inside quotes or comments (prose rarely writes both `&word` and `*word`). An anchor's node is
    /// complete before the first alias that names it, so it repeats at most the bytes between the two plus what
    /// the aliases in between repeat; later aliases of the name repeat the same. A name anchored twice may be
    /// aliased inside its second node, meaning the first: for it, every alias is weighed from its first anchor.
    static func aliasExcess(in text: String) -> (offset: Int, name: String)? {
        let star = UInt8(ascii: "*"), ampersand = UInt8(ascii: "&")
        guard text.utf8.contains(star) else { return nil }
        let bytes = Array(text.utf8)
        struct Anchor {
            var offset: Int
            var repeatedBefore: Int
            var anchoredAgain = false
            var repeats: Int?
        }
        var anchors: [String: Anchor] = [:]
        var repeated = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == star || byte == ampersand else { i += 1; continue }
            // libyaml's anchor names: ASCII letters, digits, '_' and '-'.
            var end = i + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            if end > i + 1 {
                let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                if byte == ampersand {
                    if anchors[name] == nil { anchors[name] = Anchor(offset: i, repeatedBefore: repeated) } else { anchors[name]?.anchoredAgain = true }
                } else if var anchor = anchors[name] {
                    let repeats = anchor.repeats ?? (i - anchor.offset) + (repeated - anchor.repeatedBefore)
                    if !anchor.anchoredAgain { anchor.repeats = repeats; anchors[name] = anchor }
                    repeated += repeats
                    if repeated > aliasLimit { return (i, name) }
                }
            }
            i = end
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    private static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
