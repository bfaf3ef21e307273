/// A paragraph cut into words, numbers and marks in one pass, by offsets into its Unicode scalars. Everything
/// the area extractor reads works on these tokens, looking at most a few tokens either side of where it is.
struct AreaText {
    struct Token {
        enum Kind { case word, number, mark }
        var kind: Kind
        var start: Int
        var end: Int
        /// The word lower-cased, the mark itself, or a number's digits without separators.
        var text: String
        var capitalized: Bool
        var spaceBefore: Bool
        /// A number's value; nil when it is glued to a word or to a separator whose digits were lost (",000").
        var value: Double?

        func isMark(_ mark: String) -> Bool { kind == .mark && text == mark }
        func isWord(_ words: Set<String>) -> Bool { kind == .word && words.contains(text) }
    }

    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []

    init(_ paragraph: String) {
        scalars = Array(paragraph.unicodeScalars)
        var i = 0
        var space = true
        while i < scalars.count {
            let c = scalars[i]
            if c.isWhitespaceScalar {
                space = true
                i += 1
                continue
            }
            var token = Token(kind: .mark, start: i, end: i + 1, text: String(c), capitalized: false,
                              spaceBefore: space, value: nil)
            if Self.isDigit(c) {
                let (end, digits) = number(from: i)
                token.kind = .number
                token.end = end
                token.text = digits
                token.value = digits.count > 15 || glued(before: i) ? nil : Double(digits)
            } else if c.isAlphabeticScalar {
                var end = i + 1
                while end < scalars.count, Self.continuesWord(scalars[end]) { end += 1 }
                token.kind = .word
                token.end = end
                token.text = String(String.UnicodeScalarView(scalars[i..<end])).lowercased()
                token.capitalized = c.isUppercaseScalar
            }
            tokens.append(token)
            i = token.end
            space = false
        }
    }

    /// The text of tokens `first...last` as written.
    func text(_ first: Int, _ last: Int) -> String {
        String(String.UnicodeScalarView(scalars[tokens[first].start..<tokens[last].end]))
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// Letters, digits and superscripts continue a word, so "km²" and "km2" are single words.
    static func continuesWord(_ c: Unicode.Scalar) -> Bool {
        c.isAlphabeticScalar || isDigit(c) || c == "²" || (c.value >= 0x80 && c.properties.generalCategory == .nonspacingMark)
    }

    /// Separators of thousands: commas, and spaces of any width, each followed by exactly three digits.
    static func groupClass(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case ",": return 1
        case " ", "\u{A0}", "\u{2007}", "\u{2009}", "\u{202F}": return 2
        default: return nil
        }
    }

    /// Digits from `start`, with thousands separators of one kind after a first group of at most three digits,
    /// and decimals: "1,300", "1 000", "12,345.5". Returns the end and the plain digits ("12345.5").
    private func number(from start: Int) -> (Int, String) {
        let n = scalars.count
        var i = start
        while i < n, Self.isDigit(scalars[i]) { i += 1 }
        var digits = String(String.UnicodeScalarView(scalars[start..<i]))
        var separator: Int?
        while i - start <= 3 || separator != nil, i + 3 < n, let group = Self.groupClass(scalars[i]),
              separator == nil || separator == group,
              Self.isDigit(scalars[i + 1]), Self.isDigit(scalars[i + 2]), Self.isDigit(scalars[i + 3]),
              i + 4 == n || !Self.isDigit(scalars[i + 4]) {
            separator = group
            digits.unicodeScalars.append(contentsOf: scalars[(i + 1)...(i + 3)])
            i += 4
        }
        if i + 1 < n, scalars[i] == ".", Self.isDigit(scalars[i + 1]) {
            let point = i
            i += 1
            while i < n, Self.isDigit(scalars[i]) { i += 1 }
            digits.unicodeScalars.append(contentsOf: scalars[point..<i])
        }
        return (i, digits)
    }

    /// Whether the number at `start` is stuck to what comes before: a letter, or a separator that lost its
    /// digits (",000 sq km", ".5 sq km").
    private func glued(before start: Int) -> Bool {
        guard start > 0 else { return false }
        let c = scalars[start - 1]
        return c == "," || c == "." || c.isAlphabeticScalar
    }
}
