import Foundation

/// Recognises the kinds of line a scrape picks up around an article, each from its shape and the vocabulary
/// of page furniture, never from one site's wording. Every rule looks at one line; where a line stands is
/// judged by `ArticleCleaner`.
enum Boilerplate {
    /// The rule that makes `line` furniture wherever it stands, if any. Furniture is short: a line of more than
    /// 60 words is article text, whatever it mentions.
    static func rule(for line: ReaderLine) -> DropRule? {
        // Section headers are judged where they stand: they end the story, with everything after them.
        guard line.wordCount <= 60, !isRelatedSectionHeader(line) else { return nil }
        if !line.hasLetters { return Byline.isDateLine(line) ? .dateLine : .noWords }
        if isNavigation(line) { return .navigation }
        if isLogo(line) { return .logo }
        if isAdvertising(line) { return .advertising }
        if isMoreLink(line) { return .moreLink }
        if isAppPromotion(line) { return .appPromotion }
        if isCommentWidget(line) { return .commentWidget }
        if isWidget(line) { return .widget }
        if isAppeal(line) || isShortCallToSupport(line) { return .appeal }
        if isCaption(line) { return .caption }
        if isTeaser(line) { return .teaser }
        if isEditorsNote(line) { return .editorsNote }
        if Byline.isByline(line) { return .byline }
        if Byline.isDateLine(line) { return .dateLine }
        if Byline.copyrightHolder(line) != nil { return .copyright }
        return nil
    }

    /// A comparison key: case, spacing, quote styles and Markdown bold markers folded.
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
            switch scalar {
            case "“", "”", "„", "«", "»": key.unicodeScalars.append("\"")
            case "‘", "’", "‚": key.unicodeScalars.append("'")
            default: key.unicodeScalars.append(scalar)
            }
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

    static func isBold(_ line: String) -> Bool {
        line.count > 4 && ((line.hasPrefix("**") && line.hasSuffix("**")) || (line.hasPrefix("__") && line.hasSuffix("__")))
    }

    static func unbolded(_ line: String) -> String {
        var text = line
        while isBold(text) { text = String(text.dropFirst(2).dropLast(2)).trimmed }
        return text
    }

    static let bulletGlyphs: Set<Character> = ["•", "·", "‣", "▪", "◦", "›", "»", "▸", "|"]
    static let moreLinks = ["show more", "read more", "load more", "see more", "continue reading", "read full article",
                            "read the full article", "read the full story", "read full story", "read the full article here",
                            "read the full story here", "click here to read more"]
    static let relatedHeaders = ["related articles", "related stories", "related news", "related content", "related",
                                 "more stories", "more news", "read next", "read more stories", "recommended",
                                 "recommended for you", "recommended stories", "you may also like",
                                 "you might also like", "most read", "most popular", "trending now",
                                 "latest news", "more from this section", "top stories", "more on this story",
                                 "related coverage", "related topics"]
    /// A header that introduces a short list of links to other stories inside or after the article.
    static let teaserHeaders = ["read also", "also read", "see also", "read more", "more on this", "related", "also on",
                                "must read", "don't miss", "related reading", "further reading", "more reading"]
    /// What share bars, menus and skip links are made of.
    static let widgetWords: Set<String> = [
        "share", "shares", "shared", "print", "email", "mail", "edit", "post", "menu", "search", "subscribe", "login",
        "log", "sign", "in", "out", "up", "close", "open", "save", "saved", "copy", "link", "follow", "us", "on",
        "tweet", "facebook", "x", "twitter", "whatsapp", "telegram", "linkedin", "reddit", "messenger", "viber",
        "listen", "audio", "font", "size", "toggle", "navigation", "back", "to", "top", "next", "previous", "skip",
        "content", "main", "home", "all", "news", "icon", "hamburger", "logo", "bookmark", "gift", "article", "this",
        "the", "story", "comments", "more", "options", "view", "expand", "collapse", "accessibility", "dark", "mode",
    ]

    /// Breadcrumbs and menu items: `• Home/`, `Home > World`, `News | Sport | Weather`.
    static func isNavigation(_ line: ReaderLine) -> Bool {
        guard let first = line.text.first else { return false }
        if bulletGlyphs.contains(first) && line.wordCount <= 20 { return true }
        let lower = line.lower
        if ["home/", "home >", "home ›", "home »", "home |"].contains(where: lower.hasPrefix) || lower == "home" { return true }
        let pipes = line.text.filter { $0 == "|" }.count
        return pipes >= 2 && line.wordCount <= pipes * 3 + 3
    }

    static func isLogo(_ line: ReaderLine) -> Bool {
        line.wordCount <= 3 && line.lower.words.contains { $0 == "logo" || $0 == "logotype" }
    }

    static func isAdvertising(_ line: ReaderLine) -> Bool {
        let lower = line.lower
        guard line.wordCount <= 8 else { return false }
        return lower.containsBytes("advertisement") || lower.containsBytes("scroll to continue")
            || lower.containsBytes("sponsored content") || ["sponsored", "ad", "ads", "promoted"].contains(lower)
            || lower.hasPrefix("story continues below")
    }

    static func isMoreLink(_ line: ReaderLine) -> Bool {
        line.wordCount <= 6 && moreLinks.contains(line.lower.trimmingCharacters(in: CharacterSet(charactersIn: " .…>›»:")))
    }

    /// "Download the app", store badges (`app-storeplay-store`), "available on Google Play".
    static func isAppPromotion(_ line: ReaderLine) -> Bool {
        let lower = line.lower
        guard line.wordCount <= 40, lower.containsBytes("app") || lower.containsBytes("play") else { return false }
        let store = ["app store", "app-store", "appstore", "google play", "play store", "play-store"].contains { lower.containsBytes($0) }
        let words = line.lower.words
        let download = words.contains { ["download", "install", "get"].contains($0) } && words.contains { $0 == "app" || $0 == "apps" }
        return store || download
    }

    /// A comments box in any language: "Comments", "12 comments", "Leave a comment", "Commentaires".
    static func isCommentWidget(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 10, line.lower.containsBytes("comment") || line.lower.containsBytes("komment") else { return false }
        return !line.endsSentence || line.lower.hasSuffix("...")
    }

    /// Share bars, menus, "Skip to content", "Edit post", "All news", "hamburger-menu-icon": short lines made
    /// only of the words such widgets use.
    static func isWidget(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 4, !line.endsSentence else { return false }
        let words = line.lower.words
        return !words.isEmpty && words.allSatisfy { widgetWords.contains(String($0)) }
    }

    /// Membership, newsletter and donation appeals: a call to the reader about subscribing or supporting.
    static func isAppeal(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 45 else { return false }
        let lower = line.lower
        let topic = ["newsletter", "subscribe", "subscription", "sign up", "signup", "membership", "become a member",
                     "donate", "donation", "your inbox", "free updates", "funded by our readers", "support our journalism",
                     "support independent journalism", "support us", "our members"].contains(where: lower.containsBytes)
        guard topic else { return false }
        let words = line.lower.words
        let addressed = words.contains { $0 == "you" || $0 == "your" || $0 == "our" || $0 == "us" }
        let imperative = ["become", "subscribe", "sign", "join", "support", "donate", "get", "stay", "gift", "simply",
                          "register", "follow", "help"].contains(words.first.map(String.init) ?? "")
        return addressed || imperative
    }

    /// "Support The Daily Example!", "Donate now": a short call to support the site, with no sentence in it.
    static func isShortCallToSupport(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 6, let first = line.lower.words(limit: 1).first else { return false }
        return ["support", "donate", "subscribe", "join"].contains(first) && (line.text.hasSuffix("!") || !line.endsSentence)
    }

    /// "(This story has been updated …)", "[Editor's note: …]": a note about the story, wholly in brackets.
    static func isEditorsNote(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 50, let first = line.text.first, let last = line.text.last,
              (first == "(" && last == ")") || (first == "[" && last == "]") else { return false }
        return line.wordCount >= 4 && DateText.first(in: line.text) == nil
    }

    static let captionLabels = ["photo", "photos", "image", "images", "map", "picture", "pictured", "illustration",
                                "illustrative photo", "file", "file photo", "graphic", "video", "caption", "credit",
                                "photo credit", "watch", "infographic", "gallery", "satellite image"]
    static let creditMarks = ["photo credit", "(photo by", "photo by ", "getty images", "via getty", "ap photo",
                              "afp photo", "(photo:", "photo: ", "/ afp", "/afp", "/ reuters", "shutterstock",
                              "handout photo", "(file photo", "epa-efe", "anadolu", "pool photo", "images of the day",
                              " map: ", " photo: ", " image: ", " video: ", " graphic: "]

    /// Photo, map and video captions: a caption label ("Photo:", "FILE -", "Map:"), a credit ("(Photo by …)",
    /// "REUTERS/Name", "(Name/Telegram)"), or "This map/photo … shows".
    static func isCaption(_ line: ReaderLine) -> Bool {
        let lower = line.lower
        if let separator = Self.firstLabelEnd(in: lower) {
            let label = lower[..<separator].trimmingCharacters(in: .whitespaces)
            if captionLabels.contains(label) { return true }
        }
        if creditMarks.contains(where: lower.containsBytes) { return true }
        if hasAgencySlashCredit(line.text) { return true }
        if let credit = trailingParenthetical(line.text), credit.containsBytes("/"), credit.wordCount <= 12 { return true }
        let words = line.lower.words(limit: 4)  // the first three, and whether there are more
        if words.count > 3, words[0] == "this" || (words[0] == "the" && words.dropFirst(2).first == "above"),
           ["map", "photo", "image", "picture", "video", "graphic", "chart", "handout", "satellite", "screenshot",
            "screengrab", "still"].contains(String(words[1])) {
            return true
        }
        return false
    }

    /// Where the first character that ends a caption label stands: `:`, `-`, `–` or `—` alone, not with a mark on
    /// it. Found scalar by scalar, which is many times faster than character by character on every line.
    static func firstLabelEnd(in text: String) -> String.Index? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == ":" || scalar == "-" || scalar == "–" || scalar == "—",
               index.samePosition(in: text) != nil, text[index].unicodeScalars.count == 1 {
                return index
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    /// "REUTERS/Name", "AFP/Name": an upper-case agency glued by a slash to a photographer's name.
    static func hasAgencySlashCredit(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "/")) else { return false }
        var run = 0 // capitals since the last non-letter; -1 once a small letter joins them
        var slashAfterAgency = false
        for char in text {
            // ASCII answered without asking Unicode, which is many times slower on every line of every article.
            let (letter, upper) = char.asciiValue.map { ($0.isASCIILetter, (0x41...0x5A).contains($0)) }
                ?? (char.isLetter, char.isUppercase)
            if slashAfterAgency, upper, letter { return true }
            slashAfterAgency = char == "/" && run >= 2
            if letter { run = upper && run >= 0 ? run + 1 : -1 } else { run = 0 }
        }
        return false
    }

    /// The text inside a bracket that closes the line: "(Oleksandr Syrskyi/Telegram)".
    static func trailingParenthetical(_ text: String) -> String? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        return String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    }

    /// "Read more: …", "READ: …", "Read alsoKyiv says …", "See also: …": a link to another story.
    static func isTeaser(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 30 else { return false }
        let lower = line.lower
        for header in teaserHeaders + ["read", "watch", "listen", "more", "reading", "now reading", "up next", "next"]
        where lower.hasPrefix(header) {
            let rest = line.text.dropFirst(header.count)
            guard let next = rest.first else { return false }
            if next == ":" || next == "|" || next == "»" || next == "›" { return true }
            // Glued: "Read moreFrom isolation to battlefield".
            if next.isUppercase, teaserHeaders.contains(header) { return true }
            // "Read more Kyiv says X": a title after the header, no sentence.
            if next == " ", teaserHeaders.contains(header), !line.endsSentence,
               rest.dropFirst().first?.isUppercase == true { return true }
        }
        return false
    }

    static func isRelatedSectionHeader(_ line: ReaderLine) -> Bool {
        line.wordCount <= 5 && relatedHeaders.contains(line.lower.trimmingCharacters(in: CharacterSet(charactersIn: " :.")))
    }

    /// "Read also" alone on a line: a list of story links follows.
    static func isTeaserHeader(_ line: ReaderLine) -> Bool {
        line.wordCount <= 4 && teaserHeaders.contains(line.lower.trimmingCharacters(in: CharacterSet(charactersIn: " :.»›")))
    }

    /// "Peter has worked as a news writer and editor at … since 2008": the writer's own short biography. It
    /// opens with a name, then what the person is or does in journalism.
    static func isAuthorBio(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 80, line.firstLetterIsUppercase else { return false }
        let words = line.lower.words(limit: 12).map(String.init)
        guard let verb = words.firstIndex(where: { ["has", "is", "joined", "covers", "writes"].contains($0) }),
              (1...3).contains(verb), verb + 1 < words.count,
              !words[..<verb].contains(where: { notNames.contains($0) }),
              ["worked", "been", "a", "an", "the", "as", "politics", "news"].contains(words[verb + 1]) || words[verb] != "is"
        else { return false }
        let trade = ["reporter", "correspondent", "journalist", "editor", "writer", "columnist", "producer", "journalism"]
        return line.lower.words.contains { trade.contains(String($0)) }
    }

    /// Words that start sentences but are not names.
    static let notNames: Set<String> = ["this", "that", "the", "it", "he", "she", "they", "there", "which", "who", "a", "an",
                                        "his", "her", "their", "its", "we", "i", "our", "one"]

    /// Drops a "Show more" or share button glued to the end of a paragraph.
    static func removingTrailingWidgets(_ text: String) -> String {
        var text = text
        while true {
            let lower = text.lowercased()
            if let more = moreLinks.first(where: { lower.hasSuffix(" " + $0) }) {
                text = String(text.dropLast(more.count)).trimmed
            } else if let word = ["share", "print", "tweet"].first(where: { lower.hasSuffix(". " + $0) || lower.hasSuffix(".\u{a0}" + $0) }) {
                text = String(text.dropLast(word.count)).trimmed
            } else {
                return text
            }
        }
    }
}
