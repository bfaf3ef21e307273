/// A kind of page: where its pages are, which template renders them with what values, what a link may point at
/// in them, and which part of the site it belongs to. Each kind is one file in `Render/Pages/`, listed once in
/// `PageKinds.all`; routes, page codes, the link check, the required templates and the navigation all come from
/// that list.
protocol PageKind: Sendable {
    /// The values the kind's template receives, besides `PageFrame`'s. `Decodable` only so that
    /// `TemplateSchema` can read the names it holds.
    associatedtype Context: Codable

    /// Names the kind in page codes (`note:<slug>`) and its template, `templates/<name>.mustache`.
    static var name: String { get }
    /// The optional part of the site the kind belongs to; `nil` for kinds every site has.
    static var part: SitePart? { get }
    /// The kind's label in the navigation, for a kind whose one page is a section of the site.
    static var section: String? { get }
    /// The file of page `key`, relative to the output folder.
    static func path(_ key: String) -> String
    /// The key of the page at `route` (the path's folders, without `index.html`), if it is one of this kind's.
    static func key(route: [String]) -> String?
    /// Every page of the kind, in a fixed order.
    static func keys(in site: SiteIndex) -> [String]
    /// The page's Content-Security-Policy: what it may load and run.
    static var contentSecurityPolicy: String { get }
    /// The anchors page `key` has besides the ids its template writes, for links; `nil` when there is no such page.
    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors?
    /// Page `key`'s title and values; `nil` when there is no such page.
    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)?
    /// What page `key` is about, in a sentence or two, for its meta description; `nil` for the site's description.
    static func summary(_ key: String, in site: SiteIndex) -> String?
}

/// A kind with a single page, at a fixed route.
protocol SinglePageKind: PageKind {
    /// The page's folders: `[]` for the home page, `["topics"]` for `topics/index.html`.
    static var route: [String] { get }
    static func view(in site: SiteIndex) -> (title: String, context: Context)
}

extension PageKind {
    static var part: SitePart? { nil }
    static var section: String? { nil }
    static func summary(_ key: String, in site: SiteIndex) -> String? { nil }
    /// No script, no fetch, no form posting anywhere: what every page but the search page allows.
    static var contentSecurityPolicy: String { PageFrame.standardPolicy }
    /// The page of this kind with `key`.
    static func page(_ key: String) -> SitePage { SitePage(kind: name, key: key) }
}

extension SinglePageKind {
    static func path(_ key: String) -> String { (route + ["index.html"]).joined(separator: "/") }
    static func key(route: [String]) -> String? { route == self.route ? "" : nil }
    static func keys(in site: SiteIndex) -> [String] { [""] }
    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? { PageAnchors(noun: "section") }
    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? { view(in: site) }
    /// The way back to the root from the page: `../` per folder of its route.
    static var root: String { String.rootPrefix(depth: route.count) }
}

/// What a link may name after `#` on a page, besides the ids its template writes.
struct PageAnchors: Sendable {
    /// What an anchor of the page is called in messages: "paragraph", "heading", "section".
    var noun: String
    var ids: Set<String> = []
    /// Numbered anchors, `p1` to `p<count>`: checked by their number, without a set of every one.
    var numbered: (prefix: String, count: Int)? = nil

    func contains(_ id: String) -> Bool {
        if ids.contains(id) { return true }
        guard let (prefix, count) = numbered, id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)),
              String(n) == id.dropFirst(prefix.count) else { return false }
        return count > 0 && (1...count).contains(n)
    }

    /// The anchors, as a message lists them: `#p1 to #p40`, or each id.
    var listing: String {
        if let (prefix, count) = numbered { return "#\(prefix)1 to #\(prefix)\(max(count, 1))" }
        return ids.isEmpty ? "no \(noun)s" : ids.sorted().map { "#" + $0 }.joined(separator: ", ")
    }
}

/// An optional part of a site: on when its content exists, unless `site.yml`'s `parts` says otherwise.
enum SitePart: String, CaseIterable, Sendable {
    /// The territory page and its data files, from `content/territory.csv`.
    case territory
    /// `feed.xml`, `sitemap.xml` and `robots.txt`, which need absolute addresses: from `site.yml`'s `base_url`.
    case feed

    func isPresent(in content: SiteContent) -> Bool {
        switch self {
        case .territory: return content.territory != nil
        case .feed: return content.config.baseURL != nil
        }
    }

    /// The content that switches the part on.
    var content: String {
        switch self {
        case .territory: return "content/territory.csv"
        case .feed: return "base_url in site.yml"
        }
    }
}

/// A file the build writes that is not a page, from the index alone: the territory data, the feed, the sitemap.
protocol DataFileKind: Sendable {
    /// The file, relative to the output folder.
    static var path: String { get }
    static var part: SitePart? { get }
    static func text(_ site: SiteIndex) -> String
}

/// A page of the site, named independently of where a link to it is written: its kind's name and which page of
/// that kind. Files that are not pages (data, assets) are of the kind `file`, keyed by their path.
public struct SitePage: Sendable, Hashable {
    public let kind: String
    public let key: String

    init(kind: String, key: String) {
        self.kind = kind
        self.key = key
    }

    public static func file(_ path: String) -> SitePage { SitePage(kind: PageKinds.file, key: path) }

    /// The page's file, relative to the output folder.
    public var path: String { PageKinds.kind(named: kind)?.path(key) ?? key }

    /// How many folders deep the page is, for relative links back to the root.
    public var depth: Int { path.split(separator: "/").count - 1 }
}

/// Every kind of page and data file, each listed once: the order is the order of the navigation when `site.yml`
/// does not give one, and of the pages in a build.
enum PageKinds {
    static let all: [any PageKind.Type] = [
        HomePage.self, TerritoryPage.self, TopicIndexPage.self, NoteIndexPage.self, ArticleIndexPage.self,
        ArticlePage.self, NotePage.self, TopicPage.self,
        TimelinePage.self, TopicTimelinePage.self,
        BriefingPage.self,
        SearchPage.self,
    ]
    static let dataFiles: [any DataFileKind.Type] = [TerritoryCSVFile.self, TerritoryJSONFile.self]
        + [FeedFile.self, SitemapFile.self, RobotsFile.self]

    /// The kind of data and asset files.
    static let file = "file"
    /// The folders that hold files rather than pages: the data files' and `assets/`.
    static let fileFolders = Set(dataFiles.compactMap { kind -> String? in
        kind.path.firstIndex(of: "/").map { String(kind.path[..<$0]) }
    } + ["assets"])

    private static let byName: [String: any PageKind.Type] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    static func kind(named name: String) -> (any PageKind.Type)? { byName[name] }

    /// The page at `route` (the path's folders, `index.html` dropped), whichever kind has it.
    static func page(route: [String]) -> SitePage? {
        for kind in all {
            if let key = kind.key(route: route) { return SitePage(kind: kind.name, key: key) }
        }
        return nil
    }
}
