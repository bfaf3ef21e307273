/// Text written as a YAML scalar that reads back as the same text, for the front matter `dossier new` writes.
enum YAMLScalar {
    /// `value` plain when it is plainly words (`Kursk region`, `Ukraine's push`), double-quoted and escaped
    /// otherwise: a `: `, ` #`, quote, leading `-` or `[`, or a word YAML reads as nothing (`null`) cannot change
    /// what the reader sees.
    static func text(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    /// Whether `value` reads back unchanged written plain, in a block or a flow list. Deliberately narrow: words,
    /// single spaces and a few marks that are never YAML syntax inside a word run; anything else is quoted.
    static func isPlainSafe(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first.isWordScalar, first.properties.generalCategory != .nonspacingMark, last != " ",
              value.lowercased() != "null" else { return false }
        return scalars.allSatisfy { $0.isWordScalar || plainMarks.contains($0) }
    }

    private static let plainMarks = Set(" -.'’()&/".unicodeScalars)

    /// `value` between double quotes, with `\` and `"` escaped, and every scalar YAML does not allow as it is (a
    /// control character, a line break, a byte order mark) written as an escape.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    let width = scalar.value <= 0xFFFF ? 4 : 8
                    out += (width == 4 ? "\\u" : "\\U") + String(repeating: "0", count: width - hex.count) + hex
                }
            }
        }
        return out + "\""
    }

    /// YAML's printable set, less the line breaks (NEL, LS, PS) and the byte order mark libyaml treats specially.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0x85, 0x2028, 0x2029, 0xFEFF: return false
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
