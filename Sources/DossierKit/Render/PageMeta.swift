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

    init(_ kind: any PageKind.Type, key: String, root: String, site: SiteIndex) {
        canonical = SiteURL.of(kind.page(key), in: site)
        feedHref = site.has(FeedFile.part) ? root + FeedFile.path : nil
        let summary = kind.summary(key, in: site) ?? site.config.description
        description = summary.map { Excerpt.make(Excerpt.oneLine($0), limit: 300) }.flatMap { $0.isEmpty ? nil : $0 }
        ogType = kind == NotePage.self || kind == ArticlePage.self ? "article" : "website"
    }
}
