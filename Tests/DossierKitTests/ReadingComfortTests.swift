import Foundation
import Testing
@testable import DossierKit

@Suite("Reading comfort: colours from the stylesheet, the paragraph a link lands on, tables on a phone")
struct ReadingComfortTests {
    @Test("the chart and its key carry no colour of their own: every series, axis, band and marker is a class")
    func chartColoursAreClasses() {
        let base = TerritoryChartTests()
        // Claimants enough to go round a family's colours, and one of no side.
        var figures = base.figures
        for k in 0..<6 { figures.append(TerritoryChartTests.figure("2024-09-0\(k + 1)", Double(100 * k), "Extra \(k)", .ukraine)) }
        figures.append(TerritoryFigure(date: DateSpan(iso: "2024-09-20")!, areaKm2: 50, claimant: "Nobody", side: nil, method: .claimed,
                                       source: .url("https://example.org/r"), note: "", quote: "q", line: nil))
        figures.sort { $0.date.ordinals.lowerBound < $1.date.ordinals.lowerBound }
        for layout in [TerritoryChart.Layout.wide, .narrow] {
            let svg = TerritoryChart(figures: figures, events: base.events, layout: layout, joinWithinDays: 45)
                .svg(title: "T", axisLabel: "km²", description: "D")
            #expect(svg.firstMatch(of: #/(fill|stroke|color|style)="(#|rgb|[a-z]+\()/#) == nil, "a fixed colour in the chart")
            let lines = ChartSeries.all(for: figures)
            for line in lines { #expect(svg.contains("<g class=\"series \(line.style.colourClass)\">"), "\(line.claimant)") }
            #expect(svg.contains("class=\"axes\"") && svg.contains("class=\"grid\"") && svg.contains("class=\"event-band\"")
                    && svg.contains("class=\"event-line\"") && svg.contains("class=\"event-label\"") && svg.contains("class=\"hollow\""))
        }
        let lines = ChartSeries.all(for: figures)
        #expect(lines.first { $0.claimant == "Nobody" }?.style.colourClass == "series-none")
        let ukrainian = lines.filter { $0.side == .ukraine }.map(\.style.colourClass)
        #expect(ukrainian.prefix(4) == ["series-ukraine-1", "series-ukraine-2", "series-ukraine-3", "series-ukraine-4"])
        #expect(ukrainian[4] == "series-ukraine-1", "a family's colours repeat in order")
        for line in lines {
            #expect(line.swatch.contains("<g class=\"\(line.style.colourClass)\">"))
            #expect(line.swatch.firstMatch(of: #/(fill|stroke)="#/#) == nil)
        }
    }

    @Test("on an article page each paragraph carries its number, shown when a link lands on it")
    func targetParagraph() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/a.txt", "---\ntitle: A\ndate: 2025-01-01\noutlet: X\n---\nOne paragraph about the Kursk region.\n\nAnother about the same.\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        let page = try site.folder.read("site/public/" + ArticlePage.path("a"))
        #expect(page.contains("<p id=\"p2\"><a class=\"anchor\" href=\"#p2\" aria-label=\"Link to paragraph p2\">¶<span class=\"paragraph-number\">2</span></a>"))
        let css = try Repo.text("templates/assets/style.css")
        #expect(css.contains(".body p:target .paragraph-number { display: inline; }"))
        #expect(css.contains(".body p .paragraph-number { display: none; }"))
    }

    @Test("every cell of the territory tables says its column, so that a phone can stack the rows")
    func stackedRows() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        for path in ["site/public/territory/index.html", "site/public/briefing/index.html"] {
            let page = try site.folder.read(path)
            #expect(page.contains("<table class=\"data stack"), "\(path)")
            let cells = page.matches(of: #/<td[ >]/#).count
            #expect(cells > 0 && page.matches(of: #/<td[^>]* data-label="[^"]+"/#).count == cells, "\(path)")
        }
    }
}
