/// The start of a paragraph, cut at a word boundary.
enum Excerpt {
    static func make(_ text: String, limit: Int = 220) -> String {
        guard text.count > limit else { return text }
        var cut = Substring(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut.removeLast() }
        return cut + "…"
    }

    /// `text` with its runs of white space (a YAML block's line breaks, a body's paragraphs) as single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
