import Foundation
import Testing
@testable import DossierKit

@Suite("Territory: the CSV reader")
struct TerritoryCSVTests {
    static let header = "date,area_km2,claimant,side,method,source,quote,primary,note\n"

    func load(_ rows: String) -> ([TerritoryFigure], [String]) {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(Self.header + rows, path: "content/territory.csv", log: &log)
        return (figures, log.sorted.map(\.description))
    }

    @Test("good rows are read, with quoted fields, months, ranges of days, primary statements and URLs")
    func goodRows() throws {
        let (figures, errors) = load([
            #"2024-08-12,1000,"Syrskyi, commander",Ukraine,claimed,https://example.org/news/a,"We hold ""1,000"".",Video on Telegram https://t.me/channel/12,"about ""1,000""""#,
            "2024-10,906,DeepState,independent,assessed,some-article#p3,Held 906.,,",
            "2024-10-01/2024-10-10,900,DeepState,independent,assessed,some-article,Held 900.,A map,",
            "2025-04-26,0,Gerasimov,russia,Claimed,some-article,Zero.,,\"multi\nline note\"",
        ].joined(separator: "\n"))
        #expect(errors == [])
        #expect(figures.count == 4)
        #expect(figures[0].claimant == "Syrskyi, commander")
        #expect(figures[0].note == "about \"1,000\"")
        #expect(figures[0].quote == "We hold \"1,000\".")
        #expect(figures[0].source == .url("https://example.org/news/a"))
        #expect(figures[0].primary == TerritoryFigure.Primary(text: "Video on Telegram", url: "https://t.me/channel/12"))
        #expect(figures[1].date.iso == "2024-10")
        #expect(figures[1].source == .article(id: "some-article", paragraph: 3))
        #expect(figures[1].primary == nil)
        #expect(figures[2].date.iso == "2024-10-01/2024-10-10")
        #expect(figures[2].date.display == "1–10 October 2024")
        #expect(figures[2].primary == TerritoryFigure.Primary(text: "A map", url: nil))
        #expect(figures[3].side == .russia)
        #expect(figures[3].note == "multi\nline note")
        #expect(figures[3].line == 5)
    }

    @Test("each bad cell is an error at its line, naming the column", arguments: [
        ("2024-08-12,1 000,X,Ukraine,claimed,a,q,,", "content/territory.csv:2: error: column 'area_km2': '1 000' is not a number of square kilometres (write 1300 or 1300.5, without separators)"),
        ("2024-08-12,many,X,Ukraine,claimed,a,q,,", "content/territory.csv:2: error: column 'area_km2': 'many' is not a number of square kilometres (write 1300 or 1300.5, without separators)"),
        ("2025-02-29,10,X,Ukraine,claimed,a,q,,", "content/territory.csv:2: error: column 'date': '2025-02-29' is not a date: write 2024-08-12 for a day, 2024-10 for a month, or 2024-10-01/2024-10-10 for a range of days (\"early October\"), and check that each day exists"),
        ("2024-10-10/2024-10-01,10,X,Ukraine,claimed,a,q,,", "content/territory.csv:2: error: column 'date': '2024-10-10/2024-10-01' is not a date: write 2024-08-12 for a day, 2024-10 for a month, or 2024-10-01/2024-10-10 for a range of days (\"early October\"), and check that each day exists"),
        ("2024-08-12,10,X,Ukrainian,claimed,a,q,,", "content/territory.csv:2: error: column 'side': unknown side 'Ukrainian'; use Ukraine, Russia or independent"),
        ("2024-08-12,10,X,Ukraine,guessed,a,q,,", "content/territory.csv:2: error: column 'method': unknown method 'guessed'; use claimed, assessed or derived"),
        ("2024-08-12,10,X,Ukraine,claimed,http://example.org/a,q,,", "content/territory.csv:2: error: column 'source': 'http://example.org/a' is not an https:// address"),
        ("2024-08-12,10,X,Ukraine,claimed,https://www.reuters.com/,q,,", "content/territory.csv:2: error: column 'source': 'https://www.reuters.com/' is a site's home page; cite the address of the report itself"),
        ("2024-08-12,10,X,Ukraine,claimed,https://www.reuters.com,q,,", "content/territory.csv:2: error: column 'source': 'https://www.reuters.com' is a site's home page; cite the address of the report itself"),
        ("2024-08-12,10,X,Ukraine,claimed,https://www.reuters.com/#top,q,,", "content/territory.csv:2: error: column 'source': 'https://www.reuters.com/#top' is a site's home page; cite the address of the report itself"),
        ("2024-08-12,10,X,Ukraine,claimed,javascript:alert(1),q,,", "content/territory.csv:2: error: column 'source': 'javascript:alert(1)' is neither an article id of this dossier nor an https:// address"),
        ("2024-08-12,10,X,Ukraine,claimed,a#x4,q,,", "content/territory.csv:2: error: column 'source': 'a#x4': a paragraph is named #p1, #p2, …"),
        ("2024-08-12,10,X,Ukraine,claimed,a,,,", "content/territory.csv:2: error: column 'quote': is empty: quote the sentence of the source that gives the figure"),
        ("2024-08-12,10,X,Ukraine,claimed,a,q,Telegram https://t.me/,", "content/territory.csv:2: error: column 'primary': 'https://t.me/' is a site's home page; cite the address of the report itself"),
        ("2024-08-12,10,,Ukraine,claimed,a,q,,", "content/territory.csv:2: error: column 'claimant': is empty: say who gave the figure"),
        ("2024-08-12,10,X,Ukraine,claimed", "content/territory.csv:2: error: expected 9 columns (date,area_km2,claimant,side,method,source,quote,primary,note), found 5"),
    ])
    func badRow(row: String, message: String) {
        let (figures, errors) = load(row + "\n")
        #expect(figures.isEmpty)
        #expect(errors == [message])
    }

    @Test("two spellings of one claimant are a warning: they would split its figures into two series")
    func claimantSpellings() {
        let (figures, errors) = load("2024-08-12,10,Oleksandr Syrskyi,Ukraine,claimed,a,q,,\n2024-08-15,20,Oleksandr Syrsky,Ukraine,claimed,a,q,,\n2024-08-16,20,oleksandr syrskyi,Ukraine,claimed,a,q,,\n")
        #expect(figures.count == 3)
        #expect(errors == [
            "content/territory.csv:3: warning: column 'claimant': 'Oleksandr Syrsky' is written 'Oleksandr Syrskyi' on line 2; spell a claimant one way, so that its figures are one series",
            "content/territory.csv:4: warning: column 'claimant': 'oleksandr syrskyi' is written 'Oleksandr Syrskyi' on line 2; spell a claimant one way, so that its figures are one series",
        ])
    }

    @Test("an article id that does not exist is an error at its row")
    func unknownArticle() {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(Self.header + "2024-08-12,10,X,Ukraine,claimed,no-such-article,q,,\n", path: "content/territory.csv", log: &log)
        _ = TerritoryIndex.build(figures, articles: [], focus: ["Kursk"], log: &log)
        #expect(log.sorted.map(\.description) == ["content/territory.csv:2: error: column 'source': unknown article 'no-such-article'"])
    }

    @Test("a quote from an article of the dossier must be in it, and links to its paragraph")
    func articleQuotes() {
        let article = Article(id: "a", path: "content/articles/a.txt", title: "A", date: Day(iso: "2024-08-12"),
                              outlet: nil, url: nil, summary: nil, topicRefs: [], paragraphs: [
            "First paragraph.", "Kyiv says it holds about 1,000 km\u{B2} of Kursk \u{2014} \u{201C}for now\u{201D}.",
        ])
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(Self.header + [
            #"2024-08-12,1000,X,Ukraine,claimed,a,"Kyiv says it  holds about 1,000 km² of Kursk - ""for now"".",,"#,
            "2024-08-13,1000,X,Ukraine,claimed,a#p1,Words the article never says.,,",
        ].joined(separator: "\n"), path: "content/territory.csv", log: &log)
        let series = TerritoryIndex.build(figures, articles: [article], focus: ["Kursk"], log: &log)
        #expect(series.curated.map(\.source) == [.article(id: "a", paragraph: 2)])
        #expect(log.sorted.map(\.description) == ["content/territory.csv:3: error: column 'quote': not found in article 'a' (paragraph 1); quote its words as they stand"])
    }

    @Test("a wrong header is refused")
    func header() {
        var log = DiagnosticLog()
        _ = TerritoryCSV.load("date,km2\n2024-08-12,10\n", path: "content/territory.csv", log: &log)
        #expect(log.items.first?.line == 1)
    }

    @Test("the dossier's series is valid, quoted, cites reports (never a home page) and spans August 2024 to 26 April 2025")
    func dossierSeries() throws {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(try Repo.text("content/territory.csv"), path: "content/territory.csv", log: &log)
        #expect(log.items.isEmpty)
        #expect(figures.count >= 12)
        #expect(figures.allSatisfy { !($0.quote ?? "").isEmpty })
        for figure in figures {
            if case .url(let url) = figure.source { #expect(SourceAddress.problem(with: url) == nil, "\(url)") }
            if let url = figure.primary?.url { #expect(SourceAddress.problem(with: url) == nil, "\(url)") }
        }
        #expect(figures.map(\.date.start).min()?.iso == "2024-08")
        #expect(figures.map(\.date.start).max()?.iso == "2025-04-26")
    }

    @Test("every address the dossier cites is a report's own page: figures, events and articles")
    func everySourceHasAPath() throws {
        var urls: [String] = []
        let csv = try Repo.text("content/territory.csv")
        let events = try Repo.text("content/events.yml")
        for text in [csv, events] {
            for match in text.matches(of: #/https?://[^\s,"]+/#) { urls.append(String(match.output)) }
        }
        for name in try SeedTests.articleFiles() {
            let text = try Repo.text("content/articles/\(name)")
            for line in text.split(separator: "\n").prefix(12) where line.hasPrefix("url:") {
                urls.append(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(urls.count >= 19)
        for url in urls { #expect(SourceAddress.problem(with: url) == nil, "\(url)") }
    }
}

@Suite("Territory: dates as precise as their sources, and how old a figure is")
struct DateSpanTests {
    @Test("a day, a month and a range of days read, print and cover the days they say")
    func spans() throws {
        let day = try #require(DateSpan(iso: "2025-03-13")), month = try #require(DateSpan(iso: "2024-02"))
        let range = try #require(DateSpan(iso: "2025-02-27/2025-03-02"))
        #expect(day.isDay && !month.isDay && !range.isDay)
        #expect(day.ordinals.count == 1 && month.ordinals.count == 29 && range.ordinals.count == 4)
        #expect([day.display, month.display, range.display] == ["13 March 2025", "February 2024", "27 February – 2 March 2025"])
        #expect([day.short, month.short, range.short] == ["13 Mar 2025", "Feb 2024", "27 Feb – 2 Mar 2025"])
        #expect(DateSpan(iso: "2024-12-30/2025-01-02")?.display == "30 December 2024 – 2 January 2025")
        #expect([day.datetime, month.datetime, range.datetime] == ["2025-03-13", "2024-02", "2025-02-27"])
        #expect(range.iso == "2025-02-27/2025-03-02")
        for bad in ["2025-03", "2025-03-13/2025-03-13", "2025-03/2025-04", "2025-03-13/", "/2025-03-13", "2025-03-13/2025-03-14/2025-03-15"].dropFirst() {
            #expect(DateSpan(iso: bad) == nil, "\(bad)")
        }
    }

    @Test("a figure's age is counted to the dossier's latest date, never to the build's")
    func age() throws {
        let asOf = try #require(Day(iso: "2025-08-13"))
        #expect(FigureAge.text(of: try #require(DateSpan(iso: "2025-08-13")), asOf: asOf) == "as of the dossier's latest date")
        #expect(FigureAge.text(of: try #require(DateSpan(iso: "2025-08-12")), asOf: asOf) == "1 day before 13 August 2025")
        #expect(FigureAge.text(of: try #require(DateSpan(iso: "2025-07-01")), asOf: asOf) == "43 days before 13 August 2025")
        #expect(FigureAge.text(of: try #require(DateSpan(iso: "2025-02-14")), asOf: asOf) == "about 6 months before 13 August 2025")
        // A month counts from its last day.
        #expect(FigureAge.text(of: try #require(DateSpan(iso: "2025-07")), asOf: asOf) == "13 days before 13 August 2025")
    }
}

@Suite("Territory: the seed articles and numbers")
struct TerritorySeedTests {
    @Test("the five seed articles give exactly 1,300 km² at the peak and 78 km² held, from the 17 March article")
    func seeds() throws {
        var found: [(String, Double, AreaFigure.Kind)] = []
        for name in try SeedTests.articleFiles() {
            let paragraphs = ArticleCleaner.cleanFile(try Repo.text("content/articles/\(name)")).paragraphs
            found += AreaExtractor.figures(in: paragraphs, focus: ["Kursk"]).map { (name, $0.km2, $0.kind) }
        }
        #expect(found.map(\.1) == [1300, 78])
        #expect(found.map(\.2) == [.peak, .held])
        #expect(found.allSatisfy { $0.0 == "2025-03-17-kursk-operation-over.txt" })
    }

    @Test("numbers are written the same on every machine")
    func numberText() {
        #expect(NumberText.format(1300) == "1,300")
        #expect(NumberText.format(77.69964) == "77.7")
        #expect(NumberText.format(1234567.25, decimals: 2) == "1,234,567.25")
        #expect(NumberText.format(-420) == "−420")
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.plain(1294.994) == "1294.99")
    }
}

@Suite("Territory: the chart")
struct TerritoryChartTests {
    static func figure(_ date: String, _ area: Double, _ claimant: String, _ side: TerritoryFigure.Side,
                       _ method: TerritoryFigure.Method = .claimed) -> TerritoryFigure {
        TerritoryFigure(date: DateSpan(iso: date)!, areaKm2: area, claimant: claimant, side: side,
                        method: method, source: .url("https://example.org/r"), note: "", quote: "q", line: nil)
    }

    let figures = [
        figure("2024-08-12", 1000, "Kyiv <A>", .ukraine), figure("2024-08-27", 1294, "Kyiv <A>", .ukraine),
        figure("2024-10", 906, "Monitor M", .independent), figure("2024-10-01/2024-10-10", 880, "Monitor N", .independent),
        figure("2025-02-14", 500, "Kyiv <A>", .ukraine),
        figure("2025-03-12", 180, "Moscow R", .russia, .derived), figure("2025-03-16", 78, "Monitor M", .independent),
        figure("2025-04-26", 0, "Moscow R", .russia),
    ]
    let events = [
        TimelineEvent(date: DateSpan(iso: "2025-03-03/2025-03-11")!, text: "A pause", by: nil,
                      sources: [.url("https://example.org/p")], chartLabel: "Pause <b>", line: 1),
        TimelineEvent(date: DateSpan(iso: "2025-03-13")!, text: "A town", by: nil,
                      sources: [.url("https://example.org/t")], chartLabel: "Town", line: 2),
        TimelineEvent(date: DateSpan(iso: "2025-03-14")!, text: "Not on the chart", by: nil,
                      sources: [.url("https://example.org/n")], chartLabel: nil, line: 3),
        TimelineEvent(date: DateSpan(iso: "2030-01-01")!, text: "Outside", by: nil,
                      sources: [.url("https://example.org/o")], chartLabel: "Later", line: 4),
    ]

    func chart(_ layout: TerritoryChart.Layout = .wide, join: Int = 45) -> TerritoryChart {
        TerritoryChart(figures: figures, events: events, layout: layout, joinWithinDays: join)
    }

    func x(_ chart: TerritoryChart, _ iso: String) -> String { TerritoryChart.number(chart.x(Double(Day(iso: iso)!.ordinal))) }
    func y(_ chart: TerritoryChart, _ value: Double) -> String { TerritoryChart.number(chart.y(value)) }

    @Test("dates map left to right across the plot, values bottom to top")
    func scales() {
        let c = chart(), l = c.layout
        let start = Double(Day(iso: "2024-08-01")!.ordinal), last = Double(Day(iso: "2025-04-26")!.ordinal)
        #expect(c.x(start) == l.left)
        #expect(abs(c.x(last + 10) - (l.width - l.right)) < 0.001)
        #expect(c.valueMax == 1400)
        #expect(c.y(0) == l.height - l.bottom)
        #expect(c.y(1400) == l.top)
    }

    @Test("one series per claimant, each with its own colour and shape; sides keep their dash")
    func series() {
        let lines = ChartSeries.all(for: figures)
        #expect(lines.map(\.claimant) == ["Kyiv <A>", "Monitor M", "Monitor N", "Moscow R"])
        #expect(lines.map(\.figures.count) == [3, 2, 1, 2])
        #expect(Set(lines.map(\.style)).count == 4)
        #expect(Set(lines.map(\.style.shape)).count == 4)
        #expect(lines[1].style.colourClass != lines[2].style.colourClass)
        #expect(lines[3].style.dash == "7 4" && lines[0].style.dash == nil)
    }

    @Test("lines join a claimant's own figures only, never across a gap longer than the data supports")
    func joins() {
        let c = chart()
        let svg = c.svg(title: "", axisLabel: "", description: "")
        let polylines = svg.matches(of: #/<polyline[^>]*points="([^"]+)"/#).map { String($0.output.1) }
        // Kyiv: 12 Aug to 27 Aug joined; 14 Feb alone. Moscow: 12 Mar to 26 Apr (45 days) joined.
        // Monitor M: October is a span, never joined; 16 Mar alone.
        #expect(polylines.contains("\(x(c, "2024-08-12")),\(y(c, 1000)) \(x(c, "2024-08-27")),\(y(c, 1294))"))
        #expect(polylines.contains("\(x(c, "2025-03-12")),\(y(c, 180)) \(x(c, "2025-04-26")),\(y(c, 0))"))
        #expect(polylines.count == 2)
        let tight = chart(join: 30).svg(title: "", axisLabel: "", description: "")
        #expect(tight.matches(of: #/<polyline/#).count == 1)
    }

    @Test("a month or a range of days is drawn as a span; a derived figure has a hollow marker")
    func spansAndDerived() {
        let c = chart()
        let svg = c.svg(title: "", axisLabel: "", description: "")
        let october = "M\(x(c, "2024-10-01")) "
        let octoberEnd = "H\(x(c, "2024-11-01"))"
        #expect(svg.contains(october) && svg.contains(octoberEnd))
        let early = "H\(x(c, "2024-10-11"))"
        #expect(svg.contains(early))
        #expect(svg.contains("<title>October 2024: 906 km², claimed by Monitor M</title>"))
        #expect(svg.contains("class=\"hollow\" stroke-width=\"2\"><title>12 March 2025: 180 km², derived by the editors from Moscow R’s figures</title>"))
    }

    @Test("events with a label are bands or lines with their label; others and those outside the chart are not drawn")
    func eventMarks() {
        let c = chart()
        let svg = c.svg(title: "", axisLabel: "", description: "")
        #expect(svg.contains("<rect x=\"\(x(c, "2025-03-03"))\""))
        #expect(svg.contains("<title>3–11 March 2025: A pause</title>"))
        #expect(svg.contains(">Pause &lt;b&gt;</text>"))
        #expect(svg.contains("<line x1=\"\(x(c, "2025-03-13"))\""))
        #expect(!svg.contains("Not on the chart") && !svg.contains("Later"))
        // "Town" starts two days after "Pause …" ends: it goes on a second row, not over it.
        let rows = svg.matches(of: #/<text x="[^"]+" y="([^"]+)" text-anchor="[a-z]+" class="event-label"/#).map { String($0.output.1) }
        #expect(Set(rows).count == 2)
    }

    @Test("the chart is titled, described and escaped; each layout has its own ids")
    func text() {
        for layout in [TerritoryChart.Layout.wide, .narrow] {
            let svg = chart(layout).svg(title: "Area & <held>", axisLabel: "km² held", description: "A description")
            #expect(svg.contains("<title>12 August 2024: 1,000 km², claimed by Kyiv &lt;A&gt;</title>"))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<desc id=\"territory-chart-\(layout.name)-desc\">A description</desc>"))
            #expect(svg.contains("<title id=\"territory-chart-\(layout.name)-title\">Area &amp; &lt;held&gt;</title>"))
            #expect(svg.contains(">km² held</text>") && svg.contains(">Aug 2024</text>") && svg.contains(">1,400</text>"))
            #expect(!svg.contains("Kyiv <A>"))
        }
    }
}

@Suite("Events: content/events.yml")
struct EventLoaderTests {
    func load(_ text: String) -> ([TimelineEvent], [String]) {
        var log = DiagnosticLog()
        let events = EventLoader.load(text, path: "content/events.yml", log: &log)
        return (events, log.sorted.map(\.description))
    }

    @Test("events are read with their precision, sources and chart labels, oldest first")
    func good() {
        let (events, errors) = load("""
            - date: 2025-03-13
              event: A town is taken.
              by: A ministry
              source: some-article#p4
              chart: Town
            - date: 2025-03-03/2025-03-11
              event: A pause, then a resumption.
              source:
                - https://example.org/news/paused
                - https://example.org/news/resumed
            - date: 2024-10
              event: A month of fighting.
              source: https://example.org/news/october
            """)
        #expect(errors == [])
        #expect(events.map(\.date.iso) == ["2024-10", "2025-03-03/2025-03-11", "2025-03-13"])
        #expect(events[1].sources == [.url("https://example.org/news/paused"), .url("https://example.org/news/resumed")])
        #expect(events[2].sources == [.article(id: "some-article", paragraph: 4)])
        #expect(events[2].by == "A ministry" && events[2].chartLabel == "Town" && events[2].line == 1)
    }

    @Test("a bad date, a home page, a missing field or an unknown one is reported at its line and column")
    func bad() {
        let (events, errors) = load("""
            - date: 2025-13-01
              event: Bad date.
              source: https://example.org/a
            - date: 2025-03-01
              event: Home page.
              source: https://www.reuters.com/
            - date: 2025-03-02
              source: https://example.org/b
            - date: 2025-03-03
              event: Typo.
              source: https://example.org/c
              chrat: X
            """)
        #expect(events.map(\.text) == ["Typo."])
        #expect(errors == [
            "content/events.yml:1:9: error: '2025-13-01' is not a date: write 2025-03-13 for a day, 2024-10 for a month, or 2025-03-03/2025-03-11 for a range of days, after 'about ' when the source gives it only roughly",
            "content/events.yml:6:11: error: field 'source': 'https://www.reuters.com/' is a site's home page; cite the address of the report itself",
            "content/events.yml:7: error: missing required field 'event'",
            "content/events.yml:12:3: warning: unknown field 'chrat' is ignored; did you mean 'chart'?",
        ])
    }

    @Test("'about ' before a date marks it as rough, in any precision; only that exact prefix does")
    func approximate() {
        let (events, errors) = load("""
            - date: about 2025-02-15
              event: Mid-month.
              source: https://example.org/a
            - date: about 2025-01
              event: Some time in January.
              source: https://example.org/b
            - date: 2025-03-01
              event: Exact.
              source: https://example.org/c
            - date: About 2025-03-02
              event: Capital.
              source: https://example.org/d
            - date: about  2025-03-03
              event: Two spaces.
              source: https://example.org/e
            """)
        #expect(events.map(\.text) == ["Some time in January.", "Mid-month.", "Exact."])
        #expect(events.map(\.approximate) == [true, true, false])
        #expect(events.map(\.date.iso) == ["2025-01", "2025-02-15", "2025-03-01"])
        #expect(errors.count == 2 && errors.allSatisfy { $0.contains("is not a date") })
    }

    @Test("the dossier's events are valid and each cites a report")
    func dossierEvents() throws {
        let (events, errors) = load(try Repo.text("content/events.yml"))
        #expect(errors == [])
        #expect(events.contains { $0.chartLabel != nil && !$0.date.isDay })
    }
}

@Suite("Territory: quotes found in articles")
struct QuoteMatchTests {
    @Test("the search finds what a plain search finds, on random text")
    func agrees() {
        var random = SeededRandom(state: 7)
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...14, using: &random)).map { _ in "abé".randomElement(using: &random)! })
            let needle = String((0..<Int.random(in: 1...4, using: &random)).map { _ in "abé".randomElement(using: &random)! })
            #expect(QuoteMatch.contains(text, needle) == text.containsBytes(needle), "\(text) / \(needle)")
        }
    }

    @Test("a pathological quote and paragraph are searched in linear time")
    func linear() {
        let text = String(repeating: "a", count: 2_000_000), needle = String(repeating: "a", count: 200_000) + "b"
        let found = finishes(within: 30) { QuoteMatch.paragraph(of: needle, in: [text]) }
        #expect(found == .some(nil))
    }
}
