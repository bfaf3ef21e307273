/// Finds a quoted sentence in an article's paragraphs, as an editor would copy it: white space, curly or straight
/// quotes and apostrophes, and dashes may differ; the words may not.
enum QuoteMatch {
    /// The index of the paragraph that holds `quote`; `near` is tried first (the paragraph the source names).
    static func paragraph(of quote: String, in paragraphs: [String], near: Int? = nil) -> Int? {
        let needle = normalized(quote)
        guard !needle.isEmpty else { return nil }
        let order = (near.map { [$0] } ?? []) + Array(paragraphs.indices)
        return order.first { paragraphs.indices.contains($0) && contains(normalized(paragraphs[$0]), needle) }
    }

    /// Whether `needle` occurs in `text`, by Knuth–Morris–Pratt: linear in both, whatever an editor pastes into a
    /// quote or a scrape holds (a naive search of "aaa…ab" in "aaa…a" takes their product).
    static func contains(_ text: String, _ needle: String) -> Bool {
        let t = Array(text.utf8), n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        var fail = [Int](repeating: 0, count: n.count)
        var k = 0
        for i in 1..<max(n.count, 1) {
            while k > 0 && n[i] != n[k] { k = fail[k - 1] }
            if n[i] == n[k] { k += 1 }
            fail[i] = k
        }
        k = 0
        for byte in t {
            while k > 0 && byte != n[k] { k = fail[k - 1] }
            if byte == n[k] { k += 1 }
            if k == n.count { return true }
        }
        return false
    }

    /// Runs of white space as one space; quotes, apostrophes and dashes in one form each.
    static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.isSpaceLike { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}", "\u{2032}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{2033}": out.append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
