/// `topics/<slug>/index.html`: the notes and articles filed under one topic, newest first.
enum TopicPage: PageKind {
    static let name = "topic"

    struct Context: Codable {
        var name: String
        var description: String?
        /// Other spellings, as one line.
        var aliases: String
        var entries: [Entry]
        var count: Int
        /// The topic's own timeline, when it has entries on the timeline.
        var timelineHref: String?

        struct Entry: Codable {
            var title: String
            var href: String
            var kind: String
            var summary: String?
            var date: DateValues?
        }
    }

    static func path(_ key: String) -> String { "topics/\(key)/index.html" }

    static func key(route: [String]) -> String? {
        route.count == 2 && route[0] == "topics" ? route[1] : nil
    }

    static func keys(in site: SiteIndex) -> [String] { site.topics.map(\.slug) }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        site.topic(key) == nil ? nil : PageAnchors(noun: "section")
    }

    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? {
        guard let topic = site.topic(key) else { return nil }
        let root = String.rootPrefix(depth: page(key).depth)
        let entries = site.topicEntries[topic.slug] ?? []
        return (topic.name, Context(
            name: topic.name, description: topic.description, aliases: topic.aliases.joined(separator: ", "),
            entries: entries.map { entry in
                Context.Entry(title: entry.title, href: href(entry.page, root: root), kind: entry.kind.rawValue,
                              summary: entry.summary, date: entry.date.map(DateValues.init))
            },
            count: entries.count,
            timelineHref: site.timelineTopics[key] == nil ? nil : href(TopicTimelinePage.page(key), root: root)))
    }
}
