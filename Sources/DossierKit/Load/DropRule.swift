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

    /// One line of explanation, for `inspect`.
    public var explanation: String {
        switch self {
        case .noWords: return "no letters: a symbol, rating or number row"
        case .navigation: return "a menu, breadcrumb or bullet list item of site navigation"
        case .logo: return "a logo"
        case .advertising: return "an advertising label"
        case .moreLink: return "a 'Show more' or 'Read the full article' link"
        case .appPromotion: return "an app-store promotion"
        case .commentWidget: return "a comment box"
        case .widget: return "a share, print, menu or skip link"
        case .appeal: return "a membership, newsletter or donation appeal"
        case .caption: return "a photo, map or video caption or credit"
        case .teaser: return "a 'Read more:' teaser for another story"
        case .editorsNote: return "an editor's or syndication note in brackets"
        case .byline: return "a byline or reading time"
        case .dateLine: return "a publication date or time line"
        case .copyright: return "a copyright line"
        case .aboveHeadline: return "above the headline and not a sentence: a section label or tag"
        case .head: return "between the headline and the story, not a sentence: a kicker, standfirst or label"
        case .beforeDateline: return "before the story's wire dateline"
        case .subheading: return "inside the story, not a sentence: a crosshead, image label or story link"
        case .relatedSection: return "a related-stories section, with what follows it"
        case .authorBio: return "an author's biography"
        case .repeatedHeadline: return "the headline printed again"
        case .repeated: return "a paragraph repeated"
        }
    }
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
}
