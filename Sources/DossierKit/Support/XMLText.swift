/// Escaping for XML text and attribute values (the feed, the sitemap): `& < > " '` as entities, and the
/// characters XML 1.0 cannot hold at all (controls other than tab and line breaks, U+FFFE, U+FFFF) dropped, so
/// that the document is well-formed whatever the content holds.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            default: if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// XML 1.0's `Char` production (Swift strings hold no lone surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
