/// One entry of the timeline: an event of `content/events.yml`, a curated territory figure, or an article, with
/// its date as precise as its source gives it.
public struct TimelineEntry: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case event, figure, article
    }

    public var kind: Kind
    public var date: DateSpan
    /// An event dated only roughly by its source.
    public var approximate = false
    /// What happened; an article's title.
    public var text: String
    /// Who says so, as a sentence: "According to ….", "Claimed by ….", "Reported by ….".
    public var attribution: String?
    /// Where it is reported. An article entry's own page is `page`; its sources are the original's address.
    public var sources: [CitedSource]
    /// The page the entry is about (an article's), if any.
    public var page: SitePage?
    /// Topic slugs; territory figures have none.
    public var topics: [String]
}

/// The entries of one calendar month, the unit the timeline is grouped by.
public struct TimelineMonth: Sendable {
    public var year: Int
    public var month: Int
    public var entries: [TimelineEntry]

    /// `2024-08`: the month heading's id, so that `/timeline/#2024-08` links to it.
    public var id: String { Day(year: year, month: month, day: nil)?.iso ?? "\(year)-\(month)" }
    /// `August 2024`.
    public var title: String { Day(year: year, month: month, day: nil)?.display ?? id }
}

/// Builds the timeline from dated data: nothing on it is written by hand.
public enum Timeline {
    /// The events, the curated territory figures and the dated articles, oldest first. Entries of one date keep a
    /// fixed order (a month before its days, events, then figures, then articles, each in its own list's order),
    /// so the page never depends on file order.
    public static func entries(events: [TimelineEvent], figures: [TerritoryFigure], articles: [Article],
                               figureWording: String) -> [TimelineEntry] {
        let events = events.map { event in
            TimelineEntry(kind: .event, date: event.date, approximate: event.approximate, text: event.text,
                          attribution: event.by.map { "According to \($0)." }, sources: event.sources, page: nil,
                          topics: event.topics)
        }
        let figures = figures.map { figure in
            TimelineEntry(kind: .figure, date: figure.date, text: "\(NumberText.format(figure.areaKm2)) \(figureWording).",
                          attribution: sentence(figure.attribution), sources: [figure.source],
                          page: nil, topics: [])
        }
        let articles = articles.compactMap { article in
            article.date.map { day in
                TimelineEntry(kind: .article, date: DateSpan(day), text: article.title ?? article.id,
                              attribution: article.outlet.map { "Reported by \($0)." },
                              sources: article.url.map { [.url($0)] } ?? [], page: ArticlePage.page(article.id),
                              topics: article.topics)
            }
        }
        // A stable sort by date keeps the kinds in the order they are joined here.
        return DateSpan.sorted(events + figures + articles, by: \.date)
    }

    /// The entries grouped by the month they start in, oldest month first; a range across months is listed once,
    /// in its first month.
    public static func months(_ entries: [TimelineEntry]) -> [TimelineMonth] {
        var months: [TimelineMonth] = []
        for entry in entries {
            if let last = months.last, last.year == entry.date.start.year, last.month == entry.date.start.month {
                months[months.count - 1].entries.append(entry)
            } else {
                months.append(TimelineMonth(year: entry.date.start.year, month: entry.date.start.month, entries: [entry]))
            }
        }
        return months
    }

    /// The entries filed under `topic` (by slug): events and articles; figures belong to no topic.
    public static func entries(_ entries: [TimelineEntry], topic: String) -> [TimelineEntry] {
        entries.filter { $0.topics.contains(topic) }
    }

    /// "claimed by X" → "Claimed by X.": a figure's attribution as a sentence of its own.
    static func sentence(_ phrase: String) -> String {
        guard let first = phrase.first else { return phrase }
        return first.uppercased() + phrase.dropFirst() + (phrase.hasSuffix(".") ? "" : ".")
    }

    /// How many entries each topic has, by slug: the topics absent have no timeline of their own.
    public static func topicCounts(_ entries: [TimelineEntry]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in entries {
            for topic in Set(entry.topics) { counts[topic, default: 0] += 1 }
        }
        return counts
    }
}
