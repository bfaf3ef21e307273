/// A subject the dossier follows: a place, a person or a theme.
public struct Topic: Sendable, Hashable {
    public var name: String
    public var slug: String
    /// Other spellings, matched in articles as whole words and accepted in notes' `topics`.
    public var aliases: [String]
    public var description: String?
}

/// A scraped news article, cleaned.
public struct Article: Sendable {
    /// The file's stem; the page is `articles/<id>/`.
    public var id: String
    public var path: String
    public var title: String?
    public var date: Day?
    public var outlet: String?
    public var url: String?
    public var summary: String?
    /// Topics named in front matter, as written.
    public var topicRefs: [Located<String>]
    public var paragraphs: [String]
    /// Where the outlet, original address and date were found, and when the copy was retrieved.
    public var provenance = ArticleProvenance()
    /// Slugs of the topics whose names or aliases the headline and text contain, found when the file is read.
    public var namedTopics: [String] = []
    /// Topic slugs, filled by the index from front matter and `namedTopics`.
    public var topics: [String] = []
    /// What lists show under the headline: the summary, or the start of the first paragraph. Set by the index.
    public var listSummary: String?
}

/// Where an article's date came from, as its page says.
public enum DateSource: String, Sendable, Codable {
    case frontMatter = "front matter", text, fileName = "file name"
}

/// An editor's note, written in Markdown.
public struct Note: Sendable {
    public var slug: String
    public var path: String
    public var title: String
    public var date: Day
    public var summary: String?
    public var topicRefs: [Located<String>]
    public var sources: [Located<String>]
    /// Hash of the rendered body's UTF-8 bytes (whose site links already point at pages): names the body that
    /// `NoteBodies` keeps for the note.
    public var bodyHash: ContentHash
    /// Hash of the note's file, which is all its body depends on.
    public var sourceHash: ContentHash
    /// Links into this site found in the body, at their place in the file.
    public var siteLinks: [Located<SiteLink>]
    /// Ids of the body's headings, for `#fragment` links.
    public var anchors: Set<String>
    /// Where the `slug` field is, when the note sets one.
    public var slugLine: Int?
    /// `draft: true`: the note is read and checked but not published (`SiteIndex` keeps it out of every page).
    public var isDraft = false
    public var topics: [String] = []
}

/// Everything read from `content/`.
public struct SiteContent: Sendable {
    public var topics: [Topic]
    public var articles: [Article]
    public var notes: [Note]
    /// The curated rows of `content/territory.csv`; `nil` when the site has no such file.
    public var territory: [TerritoryFigure]?
    /// The dated events of `content/events.yml`, by date; empty when there is no such file.
    public var events: [TimelineEvent] = []
    /// Hash of every content file read, in order: equal hashes mean equal content.
    public var inputHash: ContentHash
    /// `site.yml`.
    public var config: SiteConfig = .standard
    /// Whether the site has a `site.yml`: a site without one takes every default and is not told what it lacks.
    public var hasConfigFile = false
}
