/// `timeline/<topic>/index.html`: the timeline filtered to one topic's events and articles, so that readers can
/// filter without script. Only topics with entries have one.
enum TopicTimelinePage: PageKind {
    static let name = "topic-timeline"
    typealias Context = TimelinePage.Context

    static func path(_ key: String) -> String { "timeline/\(key)/index.html" }

    static func key(route: [String]) -> String? {
        route.count == 2 && route[0] == "timeline" ? route[1] : nil
    }

    static func keys(in site: SiteIndex) -> [String] {
        site.topics.map(\.slug).filter { site.timelineTopics[$0] != nil }
    }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        guard site.timelineTopics[key] != nil else { return nil }
        return PageAnchors(noun: "month", ids: Set(Timeline.months(Timeline.entries(site.timeline, topic: key)).map(\.id)))
    }

    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? {
        guard let topic = site.topic(key), site.timelineTopics[key] != nil else { return nil }
        let root = String.rootPrefix(depth: page(key).depth)
        let entries = Timeline.entries(site.timeline, topic: key)
        return ("Timeline: \(topic.name)", Context(
            heading: "Timeline: \(topic.name)",
            lede: TimelineItems.lede(entries, what: "The events and articles filed under \(topic.name)"),
            months: TimelineItems.months(entries, in: site, root: root), hasEntries: !entries.isEmpty,
            topics: [], hasTopics: false, allHref: href(TimelinePage.page(""), root: root),
            topicHref: href(TopicPage.page(key), root: root)))
    }
}
