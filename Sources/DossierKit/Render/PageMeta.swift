/// What a page's head says about it to feed readers, search engines and link previews: the feed, the page's
/// canonical address, a description and Open Graph values. Absolute addresses need the base URL; without one the
/// page has neither a canonical link nor `og:url`. Values are escaped by the templates like any other.
struct PageMeta: Codable {
    /// The page's absolute address: the canonical link and `og:url`.
    var canonical: String?
    /// The feed, relative to the page; `nil` when the site has none.
    var feedHref: String?
    /// The page's summary, or the site's description, on one line.
    var description: String?
    /// `article` for a note or an article, `website` for the rest.
    var ogType: String

    init(page: SitePage, root: String, site: SiteIndex) {
        canonical = SiteURL.of(page, in: site)
        feedHref = site.has(FeedFile.part) ? root + FeedFile.path : nil
        let summary = PageKinds.kind(named: page.kind)?.summary(page.key, in: site) ?? site.config.description
        description = summary.map { Excerpt.make(Self.oneLine($0), limit: 300) }.flatMap { $0.isEmpty ? nil : $0 }
        ogType = page.kind == NotePage.name || page.kind == ArticlePage.name ? "article" : "website"
    }

    /// `text` with its runs of white space (line breaks of a YAML block) as single spaces, trimmed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension NotePage {
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.note(key)?.summary }
}

extension ArticlePage {
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.article(key)?.listSummary }
}

extension TopicPage {
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.topic(key)?.description }
}
