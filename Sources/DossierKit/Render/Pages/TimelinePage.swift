/// `timeline/index.html`: the events, the curated territory figures and the articles, oldest first, grouped by
/// month, with links to each topic's own timeline.
enum TimelinePage: SinglePageKind {
    static let name = "timeline"
    static let section: String? = "Timeline"
    static let route = ["timeline"]

    /// The values both timeline pages show: this one and each topic's.
    struct Context: Codable {
        var heading: String
        var lede: String
        var months: [TimelineItems.Month]
        var hasEntries: Bool
        /// The topics with a timeline of their own, to filter by.
        var topics: [TimelineItems.TopicLink]
        var hasTopics: Bool
        /// Set on a topic's timeline: the whole timeline and the topic's page.
        var allHref: String?
        var topicHref: String?
    }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        PageAnchors(noun: "month", ids: Set(Timeline.months(site.timeline).map(\.id)))
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let entries = site.timeline
        let topics = site.topics.compactMap { topic in
            site.timelineTopics[topic.slug].map {
                TimelineItems.TopicLink(name: topic.name, href: href(TopicTimelinePage.page(topic.slug), root: root), count: $0)
            }
        }
        return ("Timeline", Context(
            heading: "Timeline",
            lede: TimelineItems.lede(entries, what: "Events, territory figures and articles"),
            months: TimelineItems.months(entries, in: site, root: root), hasEntries: !entries.isEmpty,
            topics: topics, hasTopics: !topics.isEmpty, allHref: nil, topicHref: nil))
    }
}

/// The timeline's entries as its templates show them.
enum TimelineItems {
    struct Month: Codable {
        var id: String
        var title: String
        var entries: [Entry]
    }

    struct Entry: Codable {
        var kind: String
        var kindLabel: String
        var date: DateValues
        /// Said beside a date that is not one day: "month" or "range of days".
        var precision: String?
        var text: String
        /// The page the entry is about (an article's), linked from its text.
        var href: String?
        var attribution: String?
        var sources: [SourceItem]
        var hasSources: Bool
        /// "Source" or "Sources".
        var sourcesLabel: String
    }

    struct TopicLink: Codable {
        var name: String
        var href: String
        var count: Int
    }

    static func months(_ entries: [TimelineEntry], in site: SiteIndex, root: String) -> [Month] {
        Timeline.months(entries).map { month in
            Month(id: month.id, title: month.title, entries: month.entries.map { entry($0, in: site, root: root) })
        }
    }

    static func entry(_ entry: TimelineEntry, in site: SiteIndex, root: String) -> Entry {
        let sources = SourceItem.list(entry.sources, in: site, root: root)
        return Entry(kind: entry.kind.rawValue, kindLabel: label(entry.kind), date: DateValues(entry.date, approximate: entry.approximate),
                     precision: precision(entry.date), text: entry.text, href: entry.page.map { href($0, root: root) },
                     attribution: entry.attribution, sources: sources, hasSources: !sources.isEmpty,
                     sourcesLabel: sources.count == 1 ? "Source" : "Sources")
    }

    static func label(_ kind: TimelineEntry.Kind) -> String {
        switch kind {
        case .event: return "event"
        case .figure: return "territory figure"
        case .article: return "article"
        }
    }

    /// A date known only to the month, or spread over days, must not read as one day.
    static func precision(_ date: DateSpan) -> String? {
        if date.until != nil { return "range of days" }
        return date.start.day == nil ? "month" : nil
    }

    /// "Events, territory figures and articles, oldest first: 42 entries from 6 August 2024 to 15 August 2025."
    static func lede(_ entries: [TimelineEntry], what: String) -> String {
        guard let first = entries.first, let last = entries.map(\.date.last).max() else {
            return "\(what): nothing dated yet."
        }
        let count = "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"
        return "\(what), oldest first, by month: \(count) from \(first.date.display) to \(last.display)."
    }
}
