/// The start of a paragraph, cut at a word boundary.
enum Excerpt {
    static func make(_ text: String, limit: Int = 220) -> String {
        guard text.count > limit else { return text }
        var cut = Substring(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut.removeLast() }
        return cut + "…"
    }
}
