/// Values that several kinds of page show: dates, and notes, articles and topics as items of a list.
struct DateValues: Codable {
    var iso: String
    var display: String
    var short: String

    init(_ day: Day) {
        iso = day.iso
        display = day.display
        short = day.short
    }
}

/// A link to another page, relative to the page it is on.
func href(_ target: SitePage, from page: SitePage) -> String {
    String.rootPrefix(depth: page.depth) + target.path
}

struct NoteItem: Codable {
    var title: String
    var href: String
    var date: DateValues
    var summary: String?

    init(_ note: Note, from page: SitePage) {
        title = note.title
        href = DossierKit.href(NotePage.page(note.slug), from: page)
        date = DateValues(note.date)
        summary = note.summary
    }
}

struct ArticleItem: Codable {
    var title: String
    var href: String
    var outlet: String?
    var summary: String?
    var date: DateValues?

    init(_ article: Article, from page: SitePage) {
        title = article.title ?? article.id
        href = DossierKit.href(ArticlePage.page(article.id), from: page)
        outlet = article.outlet
        summary = article.listSummary
        date = article.date.map(DateValues.init)
    }
}

struct TopicItem: Codable {
    var name: String
    var href: String
    var count: Int
    var countText: String
    var description: String?

    static func all(in site: SiteIndex, from page: SitePage) -> [TopicItem] {
        site.topics.map { topic in
            let count = site.topicEntries[topic.slug]?.count ?? 0
            return TopicItem(name: topic.name, href: DossierKit.href(TopicPage.page(topic.slug), from: page), count: count,
                             countText: count == 1 ? "1 page" : "\(count) pages", description: topic.description)
        }
    }
}

struct TopicLink: Codable {
    var name: String
    var href: String

    /// The topics `slugs` name, by name.
    static func list(_ slugs: [String], in site: SiteIndex, from page: SitePage) -> [TopicLink] {
        slugs.compactMap(site.topic)
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
            .map { TopicLink(name: $0.name, href: DossierKit.href(TopicPage.page($0.slug), from: page)) }
    }
}
