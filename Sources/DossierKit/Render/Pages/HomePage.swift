/// `index.html`: the latest notes and articles, the topics, and the latest territory figures.
enum HomePage: SinglePageKind {
    static let name = "home"
    static let section: String? = "Overview"
    static let route: [String] = []

    struct Context: Codable {
        var notes: [NoteItem]
        var articles: [ArticleItem]
        var topics: [TopicItem]
        var noteCount: Int
        var articleCount: Int
        var topicCount: Int
        /// The latest figure of each side, when the site has the territory part.
        var territory: Territory?

        struct Territory: Codable { var latest: [FigureRow] }
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let latest = site.territory.latestBySide
        return ("Overview", Context(
            notes: site.notes.prefix(8).map { NoteItem($0, root: root) },
            articles: site.articles.prefix(8).map { ArticleItem($0, root: root) },
            topics: TopicItem.all(in: site, root: root),
            noteCount: site.notes.count, articleCount: site.articles.count, topicCount: site.topics.count,
            territory: site.parts.contains(.territory) && !latest.isEmpty
                ? Context.Territory(latest: latest.map { FigureRow($0, in: site, root: root) }) : nil))
    }
}
