/// `topics/<slug>/index.html`: the notes and articles filed under one topic, newest first, `perPage` to a page;
/// a topic with more has `topics/<slug>/page/2/index.html` and on, linked in order. A page's key is its path
/// below `topics/`: `<slug>` for the first page, `<slug>/page/<n>` for the others.
enum TopicPage: PageKind {
    static let name = "topic"
    static let perPage = 50

    struct Context: Codable {
        var name: String
        var description: String?
        /// Other spellings, as one line.
        var aliases: String
        var entries: [Entry]
        /// Every entry of the topic, on all its pages.
        var count: Int
        /// The topic's own timeline, when it has entries on the timeline.
        var timelineHref: String?
        /// Set when the topic has more than one page.
        var pages: Pages?

        struct Pages: Codable {
            var number: Int
            var total: Int
            var previousHref: String?
            var nextHref: String?
            /// Which entries this page shows: "51–100".
            var range: String
        }

        struct Entry: Codable {
            var title: String
            var href: String
            var kind: String
            var summary: String?
            var date: DateValues?
            /// A draft note, shown only by `dossier serve`.
            var draft: Bool
        }
    }

    static func path(_ key: String) -> String { "topics/\(key)/index.html" }

    static func key(route: [String]) -> String? {
        guard route.count >= 2, route[0] == "topics" else { return nil }
        if route.count == 2 { return route[1] }
        // Page 1 has no `page/1`: one address per page.
        guard route.count == 4, route[2] == "page", let n = Int(route[3]), n >= 2, String(n) == route[3] else { return nil }
        return route[1...].joined(separator: "/")
    }

    /// The key of page `number` (from 1) of topic `slug`.
    static func key(_ slug: String, page number: Int) -> String { number == 1 ? slug : "\(slug)/page/\(number)" }

    /// The topic and page number of `key`, whether or not the site has them.
    static func parse(_ key: String) -> (slug: String, number: Int) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "page", let n = Int(parts[2]) else { return (key, 1) }
        return (String(parts[0]), n)
    }

    /// How many pages a topic of `count` entries has: at least one, which says when it is empty.
    static func pageCount(_ count: Int) -> Int { max(1, (count + perPage - 1) / perPage) }

    static func keys(in site: SiteIndex) -> [String] {
        site.topics.flatMap { topic in
            (1...pageCount(site.topicCounts[topic.slug] ?? 0)).map { key(topic.slug, page: $0) }
        }
    }

    /// The topic and page of `key`, if the site has that page.
    static func existing(_ key: String, in site: SiteIndex) -> (topic: Topic, number: Int)? {
        let (slug, number) = parse(key)
        guard let topic = site.topic(slug), (1...pageCount(site.topicCounts[topic.slug] ?? 0)).contains(number) else { return nil }
        return (topic, number)
    }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        existing(key, in: site) == nil ? nil : PageAnchors(noun: "section")
    }

    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? {
        guard let (topic, number) = existing(key, in: site) else { return nil }
        let entries = site.entries(of: topic.slug)
        let root = String.rootPrefix(depth: page(key).depth)
        let total = pageCount(entries.count)
        let first = (number - 1) * perPage
        let shown = entries[first..<min(first + perPage, entries.count)]
        func link(_ n: Int) -> String? {
            (1...total).contains(n) ? href(page(self.key(topic.slug, page: n)), root: root) : nil
        }
        let pages = total == 1 ? nil : Context.Pages(
            number: number, total: total, previousHref: link(number - 1), nextHref: link(number + 1),
            range: "\(first + 1)–\(first + shown.count)")
        return (number == 1 ? topic.name : "\(topic.name), page \(number) of \(total)", Context(
            name: topic.name, description: topic.description, aliases: topic.aliases.joined(separator: ", "),
            entries: shown.map { entry in
                Context.Entry(title: entry.title, href: href(entry.page, root: root), kind: entry.kind.rawValue,
                              summary: entry.summary, date: entry.date.map(DateValues.init), draft: entry.draft)
            },
            count: entries.count,
            timelineHref: site.timelineTopics[topic.slug] == nil ? nil : href(TopicTimelinePage.page(topic.slug), root: root),
            pages: pages))
    }
}

extension TopicPage {
    /// What the page's head describes it by.
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.topic(key)?.description }
}
