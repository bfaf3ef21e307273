import Foundation
import Testing
@testable import DossierKit

@Suite("Territory: the CSV reader")
struct TerritoryCSVTests {
    static let header = "date,area_km2,claimant,side,method,source,note\n"

    func load(_ rows: String) -> ([TerritoryFigure], [String]) {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(Self.header + rows, path: "content/territory.csv", log: &log)
        return (figures, log.sorted.map(\.description))
    }

    @Test("good rows are read, with quoted fields, months and URLs")
    func goodRows() throws {
        let (figures, errors) = load([
            #"2024-08-12,1000,"Syrskyi, commander",Ukraine,claimed,https://example.org/a,"about ""1,000""""#,
            "2024-10,906,DeepState,independent,assessed,some-article,",
            "2025-04-26,0,Gerasimov,russia,Claimed,some-article,\"multi\nline note\"",
        ].joined(separator: "\n"))
        #expect(errors == [])
        #expect(figures.count == 3)
        #expect(figures[0].claimant == "Syrskyi, commander")
        #expect(figures[0].note == "about \"1,000\"")
        #expect(figures[0].source == .url("https://example.org/a"))
        #expect(figures[1].date.iso == "2024-10")
        #expect(figures[1].source == .article(id: "some-article", paragraph: nil))
        #expect(figures[2].side == .russia)
        #expect(figures[2].note == "multi\nline note")
        #expect(figures[2].line == 4)
    }

    @Test("each bad cell is an error at its line, naming the column", arguments: [
        ("2024-08-12,1 000,X,Ukraine,claimed,a,", "content/territory.csv:2: error: column 'area_km2': '1 000' is not a number of square kilometres (write 1300 or 1300.5, without separators)"),
        ("2024-08-12,many,X,Ukraine,claimed,a,", "content/territory.csv:2: error: column 'area_km2': 'many' is not a number of square kilometres (write 1300 or 1300.5, without separators)"),
        ("2025-02-29,10,X,Ukraine,claimed,a,", "content/territory.csv:2: error: column 'date': date '2025-02-29' does not exist"),
        ("12/08/2024,10,X,Ukraine,claimed,a,", "content/territory.csv:2: error: column 'date': '12/08/2024' is not a date (YYYY-MM-DD, or YYYY-MM for a month)"),
        ("2024-08-12,10,X,Ukrainian,claimed,a,", "content/territory.csv:2: error: column 'side': unknown side 'Ukrainian'; use Ukraine, Russia or independent"),
        ("2024-08-12,10,X,Ukraine,guessed,a,", "content/territory.csv:2: error: column 'method': unknown method 'guessed'; use claimed, assessed or derived"),
        ("2024-08-12,10,X,Ukraine,claimed,http://example.org,", "content/territory.csv:2: error: column 'source': 'http://example.org' is neither an article id of this dossier nor an https:// URL"),
        ("2024-08-12,10,X,Ukraine,claimed,javascript:alert(1),", "content/territory.csv:2: error: column 'source': 'javascript:alert(1)' is neither an article id of this dossier nor an https:// URL"),
        ("2024-08-12,10,,Ukraine,claimed,a,", "content/territory.csv:2: error: column 'claimant': is empty: say who gave the figure"),
        ("2024-08-12,10,X,Ukraine,claimed", "content/territory.csv:2: error: expected 7 columns (date,area_km2,claimant,side,method,source,note), found 5"),
    ])
    func badRow(row: String, message: String) {
        let (figures, errors) = load(row + "\n")
        #expect(figures.isEmpty)
        #expect(errors == [message])
    }

    @Test("an article id that does not exist is an error at its row")
    func unknownArticle() {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(Self.header + "2024-08-12,10,X,Ukraine,claimed,no-such-article,\n", path: "content/territory.csv", log: &log)
        _ = TerritoryIndex.build(figures, articles: [], focus: ["Kursk"], log: &log)
        #expect(log.sorted.map(\.description) == ["content/territory.csv:2: error: column 'source': unknown article 'no-such-article'"])
    }

    @Test("a wrong header is refused")
    func header() {
        var log = DiagnosticLog()
        _ = TerritoryCSV.load("date,km2\n2024-08-12,10\n", path: "content/territory.csv", log: &log)
        #expect(log.items.first?.line == 1)
    }

    @Test("the dossier's series is valid and spans 12 Aug 2024 to 26 Apr 2025")
    func dossierSeries() throws {
        var log = DiagnosticLog()
        let figures = TerritoryCSV.load(try Repo.text("content/territory.csv"), path: "content/territory.csv", log: &log)
        #expect(log.items.isEmpty)
        #expect(figures.count >= 12)
        #expect(figures.map(\.date).min()?.iso == "2024-08-12")
        #expect(figures.map(\.date).max()?.iso == "2025-04-26")
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
    static func figure(_ date: String, _ area: Double, _ side: TerritoryFigure.Side) -> TerritoryFigure {
        TerritoryFigure(date: Day(iso: date, allowMonth: true)!, areaKm2: area, claimant: "C <x>", side: side,
                        method: .claimed, source: .url("https://example.org"), note: "", quote: nil, line: nil)
    }

    let figures = [
        figure("2024-08-12", 1000, .ukraine), figure("2024-08-27", 1294, .ukraine),
        figure("2025-03-12", 180, .russia), figure("2025-04-26", 0, .russia),
        figure("2024-10", 906, .independent), figure("2025-03-16", 78, .independent),
    ]

    @Test("dates map left to right across the plot, values bottom to top")
    func scales() {
        let chart = TerritoryChart(figures: figures)
        let start = Day(iso: "2024-08-01")!, first = Day(iso: "2024-08-12")!, last = Day(iso: "2025-04-26")!
        let perDay = (chart.width - chart.left - chart.right) / Double(last.ordinal + 10 - start.ordinal)
        #expect(chart.x(start) == chart.left)
        #expect(abs(chart.x(first) - (chart.left + 11 * perDay)) < 0.001)
        #expect(abs(chart.x(last) - (chart.width - chart.right - 10 * perDay)) < 0.001)
        #expect(chart.x(first) < chart.x(Day(iso: "2024-10-01")!))
        #expect(chart.valueMax == 1400)
        #expect(chart.y(0) == chart.height - chart.bottom)
        #expect(chart.y(1400) == chart.top)
        #expect(chart.y(700) == (chart.top + chart.height - chart.bottom) / 2)
    }

    @Test("every figure is drawn at its place, with a title naming it")
    func points() {
        let chart = TerritoryChart(figures: figures)
        let svg = chart.svg(title: "Area & <held>", axisLabel: "km²", description: "A description")
        for f in figures {
            let cx = TerritoryChart.number(chart.x(f.date)), cy = TerritoryChart.number(chart.y(f.areaKm2))
            let drawn = svg.contains("cx=\"\(cx)\" cy=\"\(cy)\"") || svg.contains("data-cx=\"\(cx)\" data-cy=\"\(cy)\"")
            #expect(drawn, "\(f.date.iso) at \(cx),\(cy)")
        }
        #expect(svg.contains("<title>12 August 2024: 1,000 km², claimed by C &lt;x&gt;</title>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<desc id=\"territory-chart-desc\">A description</desc>"))
        #expect(svg.contains("<title id=\"territory-chart-title\">Area &amp; &lt;held&gt;</title>"))
        #expect(!svg.contains("C <x>"))
    }

    @Test("the axes are labelled with months and km²")
    func axes() {
        let svg = TerritoryChart(figures: figures).svg(title: "", axisLabel: "km² held by the defender", description: "")
        for label in [">Aug 2024<", ">Jan 2025<", ">1,400<", ">0<", "km² held by the defender", "Date of the figure"] {
            #expect(svg.contains(label), "\(label)")
        }
        #expect(svg.contains("stroke-dasharray=\"7 4\""))
    }
}
