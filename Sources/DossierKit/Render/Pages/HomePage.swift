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
        /// The latest figure of all, and each side's last word with its age, when the site has the territory part.
        var territory: Territory?

        struct Territory: Codable {
            var lead: FigureRow
            var latest: [FigureRow]
            /// The day the dossier speaks as of: its newest content.
            var asOf: DateValues?
        }
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let latest = site.territory.latestBySide.map { figure in
            var row = FigureRow(figure, in: site, root: root)
            row.age = site.asOf.map { FigureAge.text(of: figure.date, asOf: $0) }
            return row
        }
        let lead = site.territory.curated.last.map { FigureRow($0, in: site, root: root) }
        return ("Overview", Context(
            notes: site.notes.prefix(8).map { NoteItem($0, root: root) },
            articles: site.articles.prefix(8).map { ArticleItem($0, root: root) },
            topics: TopicItem.all(in: site, root: root),
            noteCount: site.notes.count, articleCount: site.articles.count, topicCount: site.topics.count,
            territory: site.parts.contains(.territory)
                ? lead.map { Context.Territory(lead: $0, latest: latest, asOf: site.asOf.map(DateValues.init)) } : nil))
    }
}
