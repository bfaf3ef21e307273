import Foundation

/// Turns the index into pages. Each page is handed to `emit` as soon as it is rendered, so the site is never
/// held in memory whole.
struct PageRenderer: Sendable {
    let templates: Templates
    let index: SiteIndex
    let bodies: any NoteBodies

    /// Every page and data file the site has, in a fixed order.
    var pages: [SitePage] {
        [.home, .territory] + SitePage.dataFiles + [.topicIndex]
            + index.articles.map { .article($0.id) } + index.notes.map { .note($0.slug) }
            + index.topics.map { .topic($0.slug) }
    }


    func render(_ page: SitePage) throws(CacheDamaged) -> String {
        if case .file(let path) = page { return dataFile(path) }
        guard let view = try view(page) else { return "" }
        return templates.render(view.context, with: view.template)
    }

    /// The text of a data file.
    func dataFile(_ path: String) -> String {
        switch path {
        case "data/territory.csv": return TerritoryData.csv(index.territory)
        case "data/territory.json": return TerritoryData.json(index.territory)
        default: return ""
        }
    }

    /// The template of an HTML page and the values it is given.
    func view(_ page: SitePage) throws(CacheDamaged) -> (template: String, context: [String: Any])? {
        switch page {
        case .home: return self.page(.home, "home", title: "Overview", home())
        case .territory: return self.page(.territory, "territory", title: "Territory over time", territory(on: .territory))
        case .topicIndex: return self.page(.topicIndex, "topics", title: "Topics", topicList(on: .topicIndex))
        case .file: return nil
        case .article(let id):
            guard let article = index.article(id) else { return nil }
            return self.page(page, "article", title: article.title ?? article.id, self.article(article, on: page))
        case .note(let slug):
            guard let note = index.note(slug) else { return nil }
            return self.page(page, "note", title: note.title, self.note(note, on: page, body: try bodies.body(of: note)))
        case .topic(let slug):
            guard let topic = index.topic(slug) else { return nil }
            return self.page(page, "topic", title: topic.name, self.topic(topic, on: page))
        }
    }

    /// Adds to a page's own values what the base layout needs.
    func page(_ page: SitePage, _ template: String, title: String, _ values: [String: Any]) -> (template: String, context: [String: Any]) {
        var context = values
        context["pageTitle"] = title
        context["root"] = String.rootPrefix(depth: page.depth)
        context["is_" + template] = true
        return (template, context)
    }

    func href(_ target: SitePage, from page: SitePage) -> String {
        String.rootPrefix(depth: page.depth) + target.path
    }

    func home() -> [String: Any] {
        var values: [String: Any] = [
            "notes": index.notes.prefix(8).map { noteItem($0, from: .home) },
            "articles": index.articles.prefix(8).map { articleItem($0, from: .home) },
            "topics": topicItems(from: .home),
            "noteCount": index.notes.count,
            "articleCount": index.articles.count,
            "topicCount": index.topics.count,
        ]
        values["territory"] = homeTerritory(from: .home)
        return values
    }

    func article(_ article: Article, on page: SitePage) -> [String: Any] {
        var values: [String: Any] = [
            "title": article.title ?? article.id,
            "paragraphs": article.paragraphs.enumerated().map { ["anchor": "p\($0.offset + 1)", "text": $0.element] },
            "topics": topicLinks(article.topics, from: page),
            "citedBy": (index.citations[article.id] ?? []).map { noteItem($0, from: page) },
            "hasCitedBy": !(index.citations[article.id] ?? []).isEmpty,
            "hasTopics": !article.topics.isEmpty,
        ]
        values["hasTitle"] = article.title != nil
        values["outlet"] = article.outlet
        values["url"] = article.url
        values["summary"] = article.summary
        if let date = article.date { values["date"] = dateValues(date) }
        values["dateFromFileName"] = article.dateSource == .fileName
        return values
    }

    func note(_ note: Note, on page: SitePage, body: String) -> [String: Any] {
        var values: [String: Any] = [
            "title": note.title,
            "date": dateValues(note.date),
            "topics": topicLinks(note.topics, from: page),
            "body": body,
            "sources": note.sources.compactMap { index.article($0.value) }.map { articleItem($0, from: page) },
            "hasSources": !note.sources.isEmpty,
            "hasTopics": !note.topics.isEmpty,
        ]
        values["summary"] = note.summary
        return values
    }

    func topicList(on page: SitePage) -> [String: Any] {
        ["topics": topicItems(from: page)]
    }

    func topic(_ topic: Topic, on page: SitePage) -> [String: Any] {
        let entries = index.topicEntries[topic.slug] ?? []
        var values: [String: Any] = [
            "name": topic.name,
            "aliases": topic.aliases.joined(separator: ", "),
            "entries": entries.map { entry -> [String: Any] in
                var item: [String: Any] = ["title": entry.title, "href": href(entry.page, from: page),
                                           "kind": entry.kind.rawValue, "isNote": entry.kind == .note]
                item["summary"] = entry.summary
                if let date = entry.date { item["date"] = dateValues(date) }
                return item
            },
            "count": entries.count,
        ]
        values["description"] = topic.description
        return values
    }

    func noteItem(_ note: Note, from page: SitePage) -> [String: Any] {
        var item: [String: Any] = ["title": note.title, "href": href(.note(note.slug), from: page),
                                   "date": dateValues(note.date)]
        item["summary"] = note.summary
        return item
    }

    func articleItem(_ article: Article, from page: SitePage) -> [String: Any] {
        var item: [String: Any] = ["title": article.title ?? article.id, "href": href(.article(article.id), from: page)]
        item["outlet"] = article.outlet
        item["summary"] = article.listSummary
        if let date = article.date { item["date"] = dateValues(date) }
        return item
    }

    func topicItems(from page: SitePage) -> [[String: Any]] {
        index.topics.map { topic in
            let count = index.topicEntries[topic.slug]?.count ?? 0
            var item: [String: Any] = ["name": topic.name, "href": href(.topic(topic.slug), from: page),
                                       "count": count, "countText": count == 1 ? "1 page" : "\(count) pages"]
            item["description"] = topic.description
            return item
        }
    }

    func topicLinks(_ slugs: [String], from page: SitePage) -> [[String: Any]] {
        slugs.compactMap(index.topic)
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
            .map { ["name": $0.name, "href": href(.topic($0.slug), from: page)] }
    }

    func dateValues(_ day: Day) -> [String: Any] {
        ["iso": day.iso, "display": day.display, "short": day.short]
    }
}
