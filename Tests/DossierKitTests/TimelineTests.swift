import Foundation
import Testing
@testable import DossierKit

@Suite("Timeline: events, territory figures and articles merged, by month, per topic")
struct TimelineTests {
    static func span(_ iso: String) -> DateSpan { DateSpan(iso: iso)! }

    static func event(_ iso: String, _ text: String, by: String? = nil, topics: [String] = []) -> TimelineEvent {
        var event = TimelineEvent(date: span(iso), text: text, by: by, sources: [.url("https://example.org/news/\(text.count)")],
                                  chartLabel: nil, line: 1)
        event.topics = topics
        return event
    }

    static func figure(_ iso: String, _ area: Double, claimant: String = "A general") -> TerritoryFigure {
        TerritoryFigure(date: span(iso), areaKm2: area, claimant: claimant, side: .ukraine, method: .claimed,
                        source: .article(id: "some-article", paragraph: 3), note: "")
    }

    static func article(_ id: String, _ day: String?, topics: [String] = [], url: String? = nil) -> Article {
        var article = Article(id: id, path: "content/articles/\(id).txt", title: "Title of \(id)", date: day.flatMap { Day(iso: $0) },
                              outlet: "An outlet", url: url, summary: nil, topicRefs: [], paragraphs: ["Text."])
        article.topics = topics
        return article
    }

    @Test("events, figures and dated articles are merged oldest first; one date lists events, figures, articles")
    func merging() {
        let entries = Timeline.entries(
            events: [Self.event("2025-03-13", "Town retaken.", by: "A ministry"), Self.event("2024-08-06", "Crossing.")],
            figures: [Self.figure("2025-03-13", 140), Self.figure("2024-09", 1300)],
            articles: [Self.article("newer", "2025-03-13", url: "https://example.org/story/1"), Self.article("undated", nil),
                       Self.article("older", "2024-08-20")],
            figureWording: "km² held")
        #expect(entries.map(\.kind) == [.event, .article, .figure, .event, .figure, .article])
        #expect(entries.map(\.date.iso) == ["2024-08-06", "2024-08-20", "2024-09", "2025-03-13", "2025-03-13", "2025-03-13"])
        #expect(!entries.contains { $0.text == "Title of undated" }, "an article without a date has no place on it")
        #expect(entries[2].text == "1,300 km² held." && entries[2].attribution == "Claimed by A general.")
        #expect(entries[3].attribution == "According to A ministry." && entries[0].attribution == nil)
        #expect(entries[5].page == ArticlePage.page("newer") && entries[5].sources == [.url("https://example.org/story/1")])
        #expect(entries[5].attribution == "Reported by An outlet.")
        // The order does not depend on the order the lists come in.
        let shuffled = Timeline.entries(
            events: [Self.event("2024-08-06", "Crossing."), Self.event("2025-03-13", "Town retaken.", by: "A ministry")],
            figures: [Self.figure("2024-09", 1300), Self.figure("2025-03-13", 140)],
            articles: [Self.article("older", "2024-08-20"), Self.article("newer", "2025-03-13", url: "https://example.org/story/1")],
            figureWording: "km² held")
        #expect(shuffled.map(\.text) == entries.map(\.text))
    }

    @Test("entries are grouped by the month they start in, a month-only date first in its month, months oldest first")
    func grouping() {
        let entries = Timeline.entries(
            events: [Self.event("2025-01-31/2025-02-03", "Across two months."), Self.event("2025-02-14", "Mid-month."),
                     Self.event("2025-02", "Some time in February."), Self.event("2024-12-25", "December.")],
            figures: [], articles: [], figureWording: "km²")
        let months = Timeline.months(entries)
        #expect(months.map(\.id) == ["2024-12", "2025-01", "2025-02"])
        #expect(months.map(\.title) == ["December 2024", "January 2025", "February 2025"])
        #expect(months.map { $0.entries.map(\.text) } == [["December."], ["Across two months."], ["Some time in February.", "Mid-month."]])
        #expect(Timeline.months([]).isEmpty)
    }

    @Test("a date's precision shows: a month or a range of days never reads as one day")
    func precision() {
        #expect(TimelineItems.precision(Self.span("2025-03-13")) == nil)
        #expect(TimelineItems.precision(Self.span("2025-01")) == "month")
        #expect(TimelineItems.precision(Self.span("2025-03-15/2025-03-16")) == "range of days")
        #expect(DateValues(Self.span("2025-02-15"), approximate: true).display == "about 15 February 2025")
        #expect(DateValues(Self.span("2025-01"), approximate: true).short == "about Jan 2025")
        #expect(DateValues(Self.span("2025-01")).display == "January 2025")
        #expect(DateValues(Self.span("2025-03-15/2025-03-16")).display == "15–16 March 2025")
        #expect(DateValues(Self.span("2025-01-30/2025-02-02")).display == "30 January – 2 February 2025")
    }

    @Test("a topic's timeline holds its events and articles; figures and other topics' entries are left out")
    func topicFilter() {
        let entries = Timeline.entries(
            events: [Self.event("2025-03-13", "Town retaken.", topics: ["town", "war"]), Self.event("2025-03-14", "Other.", topics: ["war"])],
            figures: [Self.figure("2025-03-13", 140)],
            articles: [Self.article("about-town", "2025-03-15", topics: ["town"]), Self.article("untagged", "2025-03-16")],
            figureWording: "km²")
        #expect(Timeline.entries(entries, topic: "town").map(\.text) == ["Town retaken.", "Title of about-town"])
        #expect(Timeline.entries(entries, topic: "war").map(\.text) == ["Town retaken.", "Other."])
        #expect(Timeline.entries(entries, topic: "nothing").isEmpty)
        #expect(Timeline.topicCounts(entries) == ["town": 2, "war": 2])
    }

    @Test("events name topics from topics.yml; an unknown one is an error at its line and column")
    func eventTopics() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/events.yml", """
            - date: 2025-01-02
              event: Something happens.
              source: a#p1
              topics: [kursk incursion, Kurks]
            """)
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/events.yml:4:29: error: unknown topic 'Kurks'; did you mean 'Kursk'?"), "\(result.errors)")
    }

    @Test("the built timeline lists every event with its sources, month ids, and a page per topic with entries")
    func builtPages() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/topics.yml", "- name: Kursk\n  aliases: [Kursk incursion]\n- name: Talks\n  description: Unused by events.\n")
        try site.write("content/notes/talks.md", "---\ntitle: Talks\ndate: 2025-01-06\ntopics: [Talks]\n---\nBody\n")
        // A second figure, so that the chart spans January 2025 and marks the event dated roughly then.
        try site.write("content/territory.csv", "date,area_km2,claimant,side,method,source,quote,primary,note\n"
            + "2024-08-12,1000,X,Ukraine,claimed,https://example.org/r,q,,\n2025-02-01,500,X,Ukraine,claimed,https://example.org/s,q,,\n")
        try site.write("content/events.yml", """
            - date: 2024-08-06
              event: Forces cross <the border>.
              by: A ministry
              source: [https://example.org/news/crossing, a#p1]
              topics: [Kursk incursion]
            - date: 2025-01
              event: A month-long push.
              source: https://example.org/news/push
            - date: about 2025-01-15
              event: A rough date.
              source: https://example.org/news/rough
              chart: Rough
            """)
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.warnings.filter { $0.severity == .error }.isEmpty)
        let page = try String(contentsOf: site.output.appendingPathComponent("timeline/index.html"), encoding: .utf8)
        #expect(page.contains("Forces cross &lt;the border&gt;."))
        #expect(page.contains("A month-long push."))
        #expect(page.contains(#"<h2 id="2024-08">August 2024</h2>"#) && page.contains(#"<h2 id="2025-01">January 2025</h2>"#))
        #expect(page.contains(#"<a href="https://example.org/news/crossing" rel="noopener noreferrer">example.org</a>"#))
        #expect(page.contains(#"<a href="../articles/a/index.html#p1">A, ¶1</a>"#))
        #expect(page.contains(#"<time datetime="2025-01">January 2025</time> <span class="precision">(month)</span>"#))
        #expect(page.contains("According to A ministry."))
        #expect(page.contains(#"<time datetime="2025-01-15">about 15 January 2025</time> <span class="kind-label">"#))
        let territory = try String(contentsOf: site.output.appendingPathComponent("territory/index.html"), encoding: .utf8)
        #expect(territory.contains("<title>about 15 January 2025: A rough date.</title>") && territory.contains("Rough: about 15 January 2025."),
                "the chart and its description say the date is rough")
        #expect(page.contains("1,000 km²"), "the territory figure is on it")
        #expect(page.contains(#"href="../timeline/kursk/index.html""#))
        let kursk = try String(contentsOf: site.output.appendingPathComponent("timeline/kursk/index.html"), encoding: .utf8)
        #expect(kursk.contains("Forces cross") && !kursk.contains("A month-long push.") && !kursk.contains("1,000 km²"))
        #expect(kursk.contains(#"href="../../timeline/index.html""#) && kursk.contains(#"href="../../topics/kursk/index.html""#))
        // Talks has a note but no events or dated articles under it: no timeline of its own, and no link to one.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("timeline/talks").path))
        let topic = try String(contentsOf: site.output.appendingPathComponent("topics/kursk/index.html"), encoding: .utf8)
        #expect(topic.contains(#"href="../../timeline/kursk/index.html""#))
        let talks = try String(contentsOf: site.output.appendingPathComponent("topics/talks/index.html"), encoding: .utf8)
        #expect(!talks.contains("timeline/talks"))
        // A link to a month of the timeline resolves; one to a month it does not have is an error.
        try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\ntopics: [Kursk]\n---\nSee [August](/timeline/#2024-08) and [March](/timeline/#2024-03).\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("unknown month '#2024-03' of the timeline page") && !result.errors.contains("'#2024-08'"), "\(result.errors)")
    }

    @Test("the dossier's timeline has every event of events.yml, from 6 August 2024 to the Dobropillia breach")
    func shippedTimeline() throws {
        var log = DiagnosticLog()
        let events = EventLoader.load(try Repo.text("content/events.yml"), path: "content/events.yml", log: &log)
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(events.first?.date.iso == "2024-08-06")
        #expect(events.contains { $0.date.start.iso.hasPrefix("2025-08") && $0.text.contains("Dobropillia") })
        #expect(events.allSatisfy { !$0.topicRefs.isEmpty }, "every event is filed under a topic")
        #expect(!FileManager.default.fileExists(atPath: Repo.root.appendingPathComponent("content/notes/timeline.md").path))
    }
}
