import Foundation
import Testing
@testable import DossierKit

@Suite("Briefing: one printable page as of the dossier's latest date")
struct BriefingTests {
    static func figure(_ date: String, _ area: Double, _ claimant: String, _ side: TerritoryFigure.Side = .ukraine) -> TerritoryFigure {
        TerritoryFigure(date: DateSpan(iso: date)!, areaKm2: area, claimant: claimant, side: side,
                        method: .claimed, source: .url("https://example.org/r"), note: "", quote: "q", line: nil)
    }

    static func event(_ date: String, _ text: String) -> TimelineEvent {
        TimelineEvent(date: DateSpan(iso: date)!, text: text, by: nil, sources: [.url("https://example.org/e")], chartLabel: nil, line: 1)
    }

    @Test("each claimant's newest figure, newest first, never another claimant's")
    func latestByClaimant() {
        let figures = [Self.figure("2024-08-10", 100, "Ann"), Self.figure("2024-08-11", 200, "Bo", .russia),
                       Self.figure("2024-08-20", 300, "Ann"), Self.figure("2024-09", 50, "Cy", .independent),
                       Self.figure("2024-09-15", 40, "Bo", .russia)]
        let latest = TerritorySeries.latestByClaimant(figures)
        // Cy's month ends on 30 September, after Bo's 15 September.
        #expect(latest.map(\.claimant) == ["Cy", "Bo", "Ann"])
        #expect(latest.map(\.areaKm2) == [50, 40, 300])
        let tie = TerritorySeries.latestByClaimant([Self.figure("2024-08-10", 1, "Zed"), Self.figure("2024-08-10", 2, "Al")])
        #expect(tie.map(\.claimant) == ["Zed", "Al"], "a tie keeps the order of first figures")
        #expect(TerritorySeries.latestByClaimant([]).isEmpty)
    }

    @Test("the last weeks' events: those ending within the window before the as-of day, a range that reaches into it too")
    func recentEvents() throws {
        let asOf = try #require(Day(iso: "2025-03-31"))
        // 56 days before 31 March 2025 is 3 February 2025.
        let events = [Self.event("2025-02-02", "too old"), Self.event("2025-02-03", "first day"),
                      Self.event("2025-01-20/2025-02-10", "range into the window"), Self.event("2025-01", "old month"),
                      Self.event("2025-02", "month into the window"), Self.event("2025-03-31", "as of")]
        let (recent, earlier) = BriefingPage.recentEvents(events, asOf: asOf)
        #expect(recent.map(\.text) == ["first day", "range into the window", "month into the window", "as of"])
        #expect(earlier.isEmpty)
        #expect(BriefingPage.recentEvents(events, asOf: nil).recent.isEmpty)
        // An empty window: the last few events before it stand in, so the page still says what happened last.
        let later = try #require(Day(iso: "2026-01-01"))
        let none = BriefingPage.recentEvents(events, asOf: later)
        #expect(none.recent.isEmpty)
        #expect(none.earlier.map(\.text) == ["old month", "month into the window", "as of"])
    }

    @Test("site.yml's summary: sentences, or points with the note they are drawn from; anything else is an error at its place")
    func summaryConfig() {
        var log = DiagnosticLog()
        let config = SiteConfigLoader.load("title: T\nsummary:\n  - One point.\n  - point: Two points.\n    note: some-note\n", log: &log)
        #expect(log.items.isEmpty)
        #expect(config.summary.map(\.text) == ["One point.", "Two points."])
        #expect(config.summary[0].note == nil)
        #expect(config.summary[1].note == Located(value: "some-note", line: 5, column: 11))
        var bad = DiagnosticLog()
        _ = SiteConfigLoader.load("title: T\nsummary:\n  - ok\n  - [a]\n  - {note: x}\n  - {point: p, noet: x}\n", log: &bad)
        #expect(bad.items.map { "\($0.line ?? 0):\($0.severity)" } == ["4:error", "5:error", "6:warning"])
        var notAList = DiagnosticLog()
        _ = SiteConfigLoader.load("title: T\nsummary: one point\n", log: &notAList)
        #expect(notAList.items.map { "\($0.line ?? 0):\($0.severity)" } == ["2:error"])
    }

    @Test("the page: as-of date, key points, latest figures, recent events and notes, cited as (outlet, date, ¶n) or (host, date)")
    func page() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("site.yml", "title: Small\nsummary:\n  - The first key point.\n  - {point: The second key point., note: second}\n")
        try site.write("content/articles/a.txt", "---\ntitle: A\ndate: 2025-01-01\noutlet: Wire\n---\nSome text about the Kursk region, long enough.\n\nA second paragraph of text about it.\n")
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-02-20\nsummary: What the second note says.\n---\nBody\n")
        try site.write("content/territory.csv", """
        date,area_km2,claimant,side,method,source,quote,primary,note
        2024-08-12,1000,Kyiv,Ukraine,claimed,https://example.org/r,q,,
        2024-09-01,800,Moscow,Russia,claimed,a#p2,second paragraph,,
        2024-10-01,600,Kyiv,Ukraine,claimed,https://www.example.net/report,q,,

        """)
        try site.write("content/events.yml", """
        - date: 2024-12-01
          event: An event long before the window.
          source: https://example.org/old
        - date: 2025-02-10
          event: An event in the window.
          by: Someone
          source: a#p1

        """)
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        let html = try String(contentsOf: site.output.appendingPathComponent("briefing/index.html"), encoding: .utf8)
        #expect(html.contains("As of <time datetime=\"2025-02-20\">20 February 2025</time>"))
        #expect(html.contains("<li>The first key point.</li>"))
        #expect(html.contains("<li>The second key point. <span class=\"from-note\">(from <a href=\"../notes/second/index.html\">Second</a>)</span></li>"))
        // Kyiv's latest figure only, beside Moscow's; each cited as it prints.
        #expect(html.contains(">600<") && html.contains(">800<") && !html.contains(">1,000<"))
        #expect(html.contains("(example.net, 1 Oct 2024)"))
        #expect(html.contains("(Wire, 1 Jan 2025, ¶2)"))
        #expect(html.contains("An event in the window.") && html.contains("(Wire, 1 Jan 2025, ¶1)"))
        #expect(!html.contains("An event long before the window."))
        // Notes newest first, with their summaries.
        let second = try #require(html.range(of: "What the second note says.")), first = try #require(html.range(of: ">First</a>"))
        #expect(second.lowerBound < first.lowerBound)
        for heading in ["Key points", "Territory: each claimant", "The last 8 weeks", "The notes, newest first"] {
            #expect(html.contains(heading), "\(heading)")
        }
        // Every table cell says what it is, for the stacked rows on a phone.
        #expect(html.components(separatedBy: "<td").count - 1 == html.components(separatedBy: "data-label=").count - 1)
    }

    @Test("printed internal links show their titles, not relative addresses; the page prints on A4")
    func printStyles() throws {
        let css = try Repo.text("templates/assets/style.css")
        #expect(css.contains("@page { size: A4"))
        #expect(css.contains(#"a[href]:not([href^="http"])::after { content: none; }"#))
    }

    @Test("a key point's note must be a published note: a draft or a missing one is an error at its place")
    func keyPointNotes() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/later.md", "---\ntitle: Later\ndate: 2025-02-01\ndraft: true\n---\nBody\n")
        try site.write("site.yml", "title: Small\nsummary:\n  - {point: A., note: first}\n  - {point: B., note: frist}\n  - {point: C., note: later}\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("site.yml:4:23: error: key point's note 'frist' is not a note; did you mean 'first'?"), "\(result.errors)")
        #expect(result.errors.contains("site.yml:5:23: error: key point's note 'later' is a draft; a key point must cite a published note"), "\(result.errors)")
        #expect(result.errors.components(separatedBy: "error:").count == 3)
    }

    @Test("a big site's briefing summarises its newest notes only, and says where the others are")
    func newestNotes() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let extra = BriefingPage.noteCount + 2
        for n in 1...extra {
            try site.write("content/notes/n\(n).md", "---\ntitle: Note \(n)\ndate: 2025-03-\(String(format: "%02d", n))\n---\nBody\n")
        }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let html = try String(contentsOf: site.output.appendingPathComponent("briefing/index.html"), encoding: .utf8)
        let total = extra + 1  // and the small site's own note
        #expect((3...extra).allSatisfy { html.contains(">Note \($0)</a>") })
        #expect(!html.contains(">Note 1</a>") && !html.contains(">Note 2</a>") && !html.contains(">First</a>"), "the oldest are left out")
        #expect(html.contains("The newest \(BriefingPage.noteCount) of \(total) notes; the others are in the <a href=\"../notes/index.html\">notes index</a>."))
    }
}
