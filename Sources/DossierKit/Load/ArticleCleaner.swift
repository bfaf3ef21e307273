import Foundation

/// What the cleaner makes of a raw scrape: the article's own paragraphs, and what the text says about itself.
public struct CleanedArticle: Sendable, Equatable {
    public var paragraphs: [String]
    public var headline: String?
    public var date: Day?
    public var outlet: String?
}

/// Turns a scraped page into an article: drops the site's furniture (navigation, logos, advertising, "Show
/// more", app promotions, comment widgets, an aggregator's related stories), removes repeated paragraphs, and
/// infers the headline, date and outlet. The rules describe kinds of lines, not these particular sites.
public enum ArticleCleaner {
    public static func clean(_ raw: String) -> CleanedArticle {
        var result = CleanedArticle(paragraphs: [], headline: nil, date: nil, outlet: nil)
        var lines = RawHTML.strip(raw).split(whereSeparator: \.isNewline).map { Boilerplate.tidy($0) }
            .filter { !$0.isEmpty }

        while let first = lines.first, let (day, rest) = Inference.leadingDateMarker(first) {
            result.date = result.date ?? day
            if rest.isEmpty { lines.removeFirst() } else { lines[0] = rest }
        }

        let headerEnd = lines.firstIndex { $0.wordCount >= 15 } ?? lines.count
        var kept: [String] = []
        for (index, line) in lines.enumerated() {
            if let outlet = Inference.outletDateline(line) {
                if index < headerEnd, result.outlet == nil, !outlet.isEmpty { result.outlet = outlet }
                continue
            }
            if Boilerplate.isRelatedSectionHeader(line), !kept.isEmpty { break }
            let text = Boilerplate.removingTrailingMore(line)
            if text.isEmpty || Boilerplate.isFurniture(line) || Boilerplate.isFurniture(text) { continue }
            kept.append(text)
        }

        result.headline = Inference.headline(in: kept)
        if let headline = result.headline {
            let key = Boilerplate.key(headline)
            kept.removeAll { Boilerplate.key($0) == key }
        }

        var seen = Set<String>()
        kept = kept.map(Boilerplate.unbolded).filter { seen.insert(Boilerplate.key($0)).inserted }
        while let last = kept.last, Boilerplate.isDanglingFragment(last) { kept.removeLast() }

        result.paragraphs = kept
        if result.date == nil { result.date = Inference.explicitDate(in: kept.prefix(6)) }
        return result
    }
}

/// Recognises the lines a scrape picks up around an article.
enum Boilerplate {
    /// Trims spaces (including no-break spaces) around a line.
    static func tidy(_ line: Substring) -> String { String(line).trimmed }

    /// A comparison key: case and spacing folded, Markdown bold markers ignored.
    static func key(_ line: String) -> String {
        var text = unbolded(line)
        return text.withUTF8(asciiKey) ?? unicodeKey(text)
    }

    /// `key` for any text, scalar by scalar.
    static func unicodeKey(_ text: String) -> String {
        var key = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isSpaceLike { space = !key.isEmpty; continue }
            if space { key.unicodeScalars.append(" "); space = false }
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// `key` for ASCII text, byte by byte; `nil` for any other text.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var space = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { space = !key.isEmpty; continue }
            if space { key.append(0x20); space = false }
            key.append(byte.asciiLowercased)
        }
        return String(decoding: key, as: UTF8.self)
    }

    static func unbolded(_ line: String) -> String {
        var text = line
        while ["**", "__"].contains(where: { text.hasPrefix($0) && text.hasSuffix($0) && text.count > 4 }) {
            text = String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    static let bulletGlyphs: Set<Character> = ["•", "·", "‣", "▪", "◦", "›", "»", "▸", "|"]
    static let moreLinks = ["show more", "read more", "load more", "see more", "continue reading", "read full article"]
    static let relatedHeaders = ["related articles", "related stories", "related news", "related content", "related",
                                 "more stories", "more news", "read next", "read more stories", "recommended",
                                 "recommended for you", "recommended stories", "you may also like",
                                 "you might also like", "most read", "most popular", "trending now", "also read",
                                 "latest news", "more from this section", "top stories"]

    /// Navigation, logos, advertising, "Show more", app promotions and comment widgets. Furniture is short:
    /// a line of more than 40 words is article text, whatever it mentions.
    static func isFurniture(_ line: String) -> Bool {
        guard line.wordCount <= 40 else { return false }
        return isNavigation(line) || isLogo(line) || isAdvertising(line) || isMoreLink(line) || isAppPromotion(line)
            || isCommentWidget(line)
    }

    /// Breadcrumbs and menu items: `• Home/`, `Home > World`, `News | Sport | Weather`.
    static func isNavigation(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if bulletGlyphs.contains(first) && line.wordCount <= 20 { return true }
        let lower = line.lowercased()
        if lower.hasPrefix("home/") || lower.hasPrefix("home >") || lower.hasPrefix("home ›") || lower.hasPrefix("home »")
            || lower.hasPrefix("home |") || lower == "home" {
            return true
        }
        let pipes = line.filter { $0 == "|" }.count
        return pipes >= 2 && line.wordCount <= pipes * 3 + 3
    }

    static func isLogo(_ line: String) -> Bool {
        line.wordCount <= 3 && line.lowercased().words.contains { $0 == "logo" || $0 == "logotype" }
    }


    static func isAdvertising(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard line.wordCount <= 8 else { return false }
        return lower.contains("advertisement") || lower.contains("scroll to continue")
            || lower.contains("sponsored content") || lower == "sponsored" || lower == "ad" || lower == "ads"
            || lower == "promoted" || lower.hasPrefix("story continues below")
    }

    static func isMoreLink(_ line: String) -> Bool {
        line.wordCount <= 3 && moreLinks.contains(line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .…>›»")))
    }

    /// "Download the app", store badges (`app-storeplay-store`), "available on Google Play".
    static func isAppPromotion(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard line.wordCount <= 40, lower.containsBytes("app") || lower.containsBytes("play") else { return false }
        let store = ["app store", "app-store", "appstore", "google play", "play store", "play-store"]
            .contains { lower.contains($0) }
        let download = lower.words.contains { ["download", "install", "get"].contains($0) }
            && lower.words.contains { $0 == "app" || $0 == "apps" }
        return store || download
    }

    /// A comments box: "Comments", "No comments yet...", "12 comments", "Leave a comment".
    static func isCommentWidget(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard line.wordCount <= 6, lower.contains("comment") else { return false }
        return !lower.hasSuffix(".") || lower.hasSuffix("...")
    }

    static func isRelatedSectionHeader(_ line: String) -> Bool {
        line.wordCount <= 5 && relatedHeaders.contains(line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.")))
    }

    /// Drops a "Show more" that a scrape glued to the end of a paragraph.
    static func removingTrailingMore(_ line: String) -> String {
        guard line.last == "e" || line.last == "E" || line.last == "g" || line.last == "G" else { return line }
        var text = line
        while let more = moreLinks.first(where: { text.lowercased().hasSuffix(" " + $0) }) {
            text = String(text.dropLast(more.count)).trimmed
        }
        return text
    }

    /// A short line that does not end a sentence: a subheading or widget label. At the end of an article
    /// nothing follows it, so it belongs to the page around the article, not to the article.
    static func isDanglingFragment(_ line: String) -> Bool {
        guard line.wordCount <= 10, let last = line.last else { return false }
        return !".!?\"”’'»)".contains(last)
    }
}

extension String {
    /// Runs of non-space characters; spaces outside ASCII are rare, so only those ask Unicode.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for scalar in unicodeScalars {
            let space = scalar.value == 32 || (scalar.value >= 9 && scalar.value <= 13)
                || (scalar.value > 127 && scalar.properties.isWhitespace)
            if space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

}
