/// The files of the `feed` part, which needs absolute addresses and so is on when `site.yml` sets `base_url`.
/// The part's presence guarantees the base URL; the empty fallback is never used.

/// `feed.xml`: the Atom feed of notes and articles.
enum FeedFile: DataFileKind {
    static let path = "feed.xml"
    static let part: SitePart? = .feed
    static func text(_ site: SiteIndex) -> String { AtomFeed.xml(site, base: site.config.baseURL ?? "") }
}

/// `sitemap.xml`: every page's address.
enum SitemapFile: DataFileKind {
    static let path = "sitemap.xml"
    static let part: SitePart? = .feed
    static func text(_ site: SiteIndex) -> String { Sitemap.xml(site, base: site.config.baseURL ?? "") }
}

/// `robots.txt`: points crawlers at the sitemap.
enum RobotsFile: DataFileKind {
    static let path = "robots.txt"
    static let part: SitePart? = .feed
    static func text(_ site: SiteIndex) -> String { Sitemap.robots(base: site.config.baseURL ?? "") }
}

/// What the build says when the feed part is off for want of a base URL.
enum FeedPart {
    static let noBaseURL = "no base_url, so no feed.xml, sitemap.xml or robots.txt and no canonical links: they need "
        + "the absolute address the site is published at; set base_url to it, or say parts: {feed: false}"
}
