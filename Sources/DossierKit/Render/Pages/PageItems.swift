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

    /// A range's `iso` is its first day: a valid HTML `datetime`; its text says the whole range, after "about"
    /// when the date is `approximate`.
    init(_ span: DateSpan, approximate: Bool = false) {
        iso = span.datetime
        let prefix = approximate ? DateSpan.roughPrefix : ""
        display = prefix + span.display
        short = prefix + span.short
    }
}

/// A link to another page, relative to the page it is on, whose way back to the root is `root` (`../../`).
func href(_ target: SitePage, root: String) -> String {
    root + target.path
}

struct NoteItem: Codable {
    var title: String
    var href: String
    var date: DateValues
    var summary: String?
    /// A draft, shown only by `dossier serve`.
    var draft: Bool

    init(_ note: Note, root: String) {
        title = note.title
        href = root + NotePage.path(note.slug)
        date = DateValues(note.date)
        summary = note.summary
        draft = note.isDraft
    }
}

struct ArticleItem: Codable {
    var title: String
    var href: String
    var outlet: String?
    var summary: String?
    var date: DateValues?

    init(_ article: Article, root: String) {
        title = article.title ?? article.id
        href = root + ArticlePage.path(article.id)
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

    static func all(in site: SiteIndex, root: String) -> [TopicItem] {
        site.topics.map { topic in
            let count = site.topicCounts[topic.slug] ?? 0
            return TopicItem(name: topic.name, href: root + TopicPage.path(topic.slug), count: count,
                             countText: count == 1 ? "1 page" : "\(count) pages", description: topic.description)
        }
    }
}

struct TopicLink: Codable {
    var name: String
    var href: String

    /// The topics `slugs` name, by name.
    static func list(_ slugs: [String], in site: SiteIndex, root: String) -> [TopicLink] {
        slugs.compactMap(site.topic)
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
            .map { TopicLink(name: $0.name, href: root + TopicPage.path($0.slug)) }
    }
}

/// A cited source as a link in a list: an article of the dossier by its title and paragraph ("Title, ¶4"), a
/// report elsewhere by its host.
struct SourceItem: Codable {
    var href: String
    var label: String
    var isExternal: Bool
    /// What follows the link in its list: "; " or, after the last, nothing.
    var separator = ""

    static func list(_ sources: [CitedSource], in site: SiteIndex, root: String) -> [SourceItem] {
        var items = sources.map { source in
            let link = SourceLink.make(source, in: site, root: root)
            var label = link.label
            if case let .article(_, paragraph?) = source { label += ", ¶\(paragraph)" }
            return SourceItem(href: link.href, label: label, isExternal: link.external)
        }
        for i in items.indices.dropLast() { items[i].separator = "; " }
        return items
    }
}

/// Where a cited source links, and how the link reads: an article of the dossier by its title, at its paragraph;
/// a report elsewhere by its host.
enum SourceLink {
    static func make(_ source: CitedSource, in site: SiteIndex, root: String) -> (href: String, label: String, external: Bool) {
        switch source {
        case let .article(id, paragraph):
            return (root + ArticlePage.path(id) + (paragraph.map { "#p\($0)" } ?? ""),
                    site.article(id).map { $0.title ?? id } ?? id, false)
        case let .url(url):
            return (url, SourceAddress.host(of: url), true)
        }
    }
}
