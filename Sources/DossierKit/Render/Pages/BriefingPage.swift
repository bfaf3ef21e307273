/// `briefing/index.html`: one page to print for a meeting, dated as of the dossier's newest content: the key points
/// of `site.yml`'s `summary`, the latest territory figure of each claimant, the events of the last weeks, and the
/// notes' summaries, each source cited as it prints: "(outlet, date, ¶n)" or "(host, date)".
enum BriefingPage: SinglePageKind {
    static let name = "briefing"
    static let section: String? = "Briefing"
    static let route = ["briefing"]
    /// How far back "the last weeks" of events reach before the as-of day.
    static let recentDays = 56
    /// How many of the newest notes are summarised: the page must print on a few sheets, whatever the site's size.
    static let noteCount = 12

    struct Context: Codable {
        var asOf: DateValues?
        var points: [Point]
        var hasPoints: Bool
        var figures: [Figure]
        var hasFigures: Bool
        var events: [Event]
        var hasEvents: Bool
        /// The last events before the window, when none falls in it.
        var earlier: [Event]
        var hasEarlier: Bool
        var recentWeeks: Int
        var notes: [NoteItem]
        var hasNotes: Bool
        /// Set when the site has more notes than the page summarises.
        var moreNotes: MoreNotes?
    }

    /// "The newest 12 of 40 notes; the others are in the notes index."
    struct MoreNotes: Codable {
        var shown: Int
        var total: Int
        var href: String
    }

    struct Point: Codable {
        var text: String
        /// The note the point is drawn from.
        var noteTitle: String?
        var noteHref: String?
    }

    /// A figure as the territory page shows it, with its source cited as the briefing prints it.
    struct Figure: Codable {
        var row: FigureRow
        var citation: Citation
    }

    struct Event: Codable {
        var date: DateValues
        var text: String
        var by: String?
        var citations: [Citation]
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let figures = TerritorySeries.latestByClaimant(site.territory.curated).map { figure in
            Figure(row: FigureRow(figure, in: site, root: root), citation: Citation(figure.source, date: figure.date, in: site, root: root))
        }
        func item(_ event: TimelineEvent) -> Event {
            Event(date: DateValues(event.date, approximate: event.approximate), text: event.text, by: event.by,
                  citations: event.sources.map { Citation($0, date: event.date, in: site, root: root) })
        }
        let (recent, before) = recentEvents(site.events, asOf: site.asOf)
        let events = recent.map(item), earlier = before.map(item)
        let notes = site.notes.prefix(noteCount).map { NoteItem($0, root: root) }
        let more = site.notes.count > noteCount
            ? MoreNotes(shown: noteCount, total: site.notes.count, href: root + NoteIndexPage.path("")) : nil
        let points = site.config.summary.map { point in
            let note = point.note.flatMap { site.note($0.value) }
            return Point(text: point.text, noteTitle: note?.title, noteHref: note.map { root + NotePage.path($0.slug) })
        }
        return ("Briefing", Context(
            asOf: site.asOf.map(DateValues.init), points: points, hasPoints: !points.isEmpty,
            figures: figures, hasFigures: !figures.isEmpty,
            events: events, hasEvents: !events.isEmpty, earlier: earlier, hasEarlier: !earlier.isEmpty,
            recentWeeks: recentDays / 7,
            notes: notes, hasNotes: !notes.isEmpty, moreNotes: more))
    }

    /// The events that end within `recentDays` before `asOf` (and any on or after it), oldest first; when there
    /// are none, `earlier` holds the last few before the window, so that the page still says what happened last.
    static func recentEvents(_ events: [TimelineEvent], asOf: Day?) -> (recent: [TimelineEvent], earlier: [TimelineEvent]) {
        guard let asOf else { return ([], []) }
        let first = asOf.ordinal - recentDays
        let recent = events.filter { $0.date.ordinals.upperBound >= first }
        return (recent, recent.isEmpty ? Array(events.suffix(earlierCount)) : [])
    }

    /// How many earlier events stand in for an empty window.
    static let earlierCount = 3
}

/// A source as a printed briefing cites it: "(Reuters, 17 Mar 2025, ¶4)" for an article of the dossier,
/// "(understandingwar.org, 12 Aug 2024)" for a report elsewhere, with the link for the screen.
struct Citation: Codable {
    var text: String
    var href: String
    var isExternal: Bool

    /// `date` is the cited fact's: it dates a report elsewhere, whose own date the dossier does not keep.
    init(_ source: CitedSource, date: DateSpan, in site: SiteIndex, root: String) {
        let link = SourceLink.make(source, in: site, root: root)
        href = link.href
        isExternal = link.external
        switch source {
        case let .article(id, paragraph):
            let article = site.article(id)
            let parts = [article?.outlet ?? article?.title ?? id, article?.date?.short ?? date.short]
                + (paragraph.map { ["¶\($0)"] } ?? [])
            text = "(" + parts.joined(separator: ", ") + ")"
        case .url:
            text = "(\(link.label), \(date.short))"
        }
    }
}
