/// Why the reader left a line of a scrape out of the article. `dossier inspect` shows it beside each line.
public enum DropRule: String, Sendable, CaseIterable, Codable {
    // Lines that are furniture wherever they stand.
    case noWords = "no-words"
    case navigation, logo, advertising
    case moreLink = "more-link"
    case appPromotion = "app-promotion"
    case commentWidget = "comment-widget"
    case widget, appeal, caption, teaser, byline
    case editorsNote = "editors-note"
    case dateLine = "date-line"
    case copyright
    // Lines that are furniture where they stand.
    case aboveHeadline = "above-headline"
    case head
    case beforeDateline = "before-dateline"
    case subheading
    case relatedSection = "related-section"
    case authorBio = "author-bio"
    case repeatedHeadline = "repeated-headline"
    case repeated

}

/// A line the reader left out, and why.
public struct DroppedLine: Sendable, Equatable {
    /// 1-based line of the article's text (after any front matter).
    public var line: Int
    public var text: String
    public var rule: DropRule
}

/// Where the reader found a field it inferred.
public struct Evidence: Sendable, Equatable {
    public var field: String
    /// 1-based line of the article's text (after any front matter).
    public var line: Int
    public var text: String
    /// The paragraph (1-based, as the page's `#pN`) the line was kept as; `nil` when it was left out.
    public var paragraph: Int? = nil
}
