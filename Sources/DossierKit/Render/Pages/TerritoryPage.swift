/// `territory/index.html`: the curated territory series as a chart and a table, the figures quoted in articles,
/// and links to the data files. The site's `territory` part: on when `content/territory.csv` exists.
enum TerritoryPage: SinglePageKind {
    static let name = "territory"
    static let part: SitePart? = .territory
    static let section: String? = "Territory"
    static let route = ["territory"]

    struct Context: Codable {
        var curated: [FigureRow]
        var hasCurated: Bool
        var extracted: [FigureRow]
        var hasExtracted: Bool
        var undated: [UndatedRow]
        var hasUndated: Bool
        var hasQuoted: Bool
        /// The chart, as SVG made by the build.
        var chart: HTMLFragment
        var csvHref: String
        var jsonHref: String
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let series = site.territory
        var previous: [TerritoryFigure.Side: Double] = [:]
        let curated = series.curated.map { figure -> FigureRow in
            var row = FigureRow(figure, in: site, root: root)
            if let side = figure.side {
                // The difference from the same side's previous figure: sides are never subtracted from each other.
                if let before = previous[side] {
                    let change = figure.areaKm2 - before
                    row.change = change == 0 ? "±0" : (change > 0 ? "+" : "") + NumberText.format(change)
                } else {
                    row.change = "—"
                }
                previous[side] = figure.areaKm2
            }
            return row
        }
        let wording = site.config.territory
        let chart = series.curated.isEmpty ? ""
            : TerritoryChart(figures: series.curated).svg(title: wording.chartTitle, axisLabel: wording.axisLabel,
                                                          description: chartDescription(series, summary: wording.chartSummary))
        return ("Territory over time", Context(
            curated: curated, hasCurated: !series.curated.isEmpty,
            extracted: series.extracted.map { FigureRow($0, in: site, root: root) }, hasExtracted: !series.extracted.isEmpty,
            undated: series.undated.map { UndatedRow($0, in: site, root: root) }, hasUndated: !series.undated.isEmpty,
            hasQuoted: !series.extracted.isEmpty || !series.undated.isEmpty,
            chart: HTMLFragment(chart),
            csvHref: href(SitePage.file(TerritoryCSVFile.path), root: root),
            jsonHref: href(SitePage.file(TerritoryJSONFile.path), root: root)))
    }

    /// The chart's text alternative: the site's summary sentence, then each side's first and last figure and the
    /// number of figures in between.
    static func chartDescription(_ series: TerritorySeries, summary: String) -> String {
        let sides = TerritoryFigure.Side.allCases.compactMap { side -> String? in
            let figures = series.curated.filter { $0.side == side }
            guard let first = figures.first, let last = figures.last else { return nil }
            let name = TerritoryChart.styles[side]?.label ?? side.rawValue
            return "\(name): \(figures.count) figure\(figures.count == 1 ? "" : "s"), from \(NumberText.format(first.areaKm2)) km² on \(first.date.display) to \(NumberText.format(last.areaKm2)) km² on \(last.date.display)."
        }
        return ([summary] + sides + ["Every figure is listed in the table below."]).joined(separator: " ")
    }
}

/// A territory figure as a row of the table (and of the home page's latest figures).
struct FigureRow: Codable {
    var date: DateValues
    var areaText: String
    /// Set on curated rows of a known side.
    var change: String?
    var claimant: String
    var side: String
    var sideClass: String
    var method: String
    var kind: String
    var note: String
    var quote: String?
    var sourceHref: String
    var sourceLabel: String
    var sourceOutlet: String?
    var isExternal: Bool

    init(_ figure: TerritoryFigure, in site: SiteIndex, root: String) {
        date = DateValues(figure.date)
        areaText = NumberText.format(figure.areaKm2)
        claimant = figure.claimant
        side = figure.side?.rawValue ?? ""
        sideClass = figure.side?.rawValue.lowercased() ?? "none"
        method = figure.method.rawValue
        kind = FigureRow.label(figure.kind)
        note = figure.note
        quote = figure.quote
        switch figure.source {
        case let .article(id, paragraph):
            sourceHref = root + ArticlePage.path(id) + (paragraph.map { "#p\($0)" } ?? "")
            sourceLabel = site.article(id).map { $0.title ?? id } ?? id
            sourceOutlet = site.article(id)?.outlet
            isExternal = false
        case let .url(url):
            sourceHref = url
            sourceLabel = FigureRow.host(of: url)
            isExternal = true
        }
    }

    /// A peak must never read as ground held at the article's date.
    static func label(_ kind: AreaFigure.Kind) -> String {
        kind == .peak ? "peak (largest extent)" : kind.rawValue
    }

    /// `https://www.reuters.com/world/…` → `reuters.com`, to label a link by where it goes.
    static func host(of url: String) -> String {
        let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true).dropFirst().first ?? Substring(url)
        let host = afterScheme.hasPrefix("www.") ? afterScheme.dropFirst(4) : afterScheme
        return String(host)
    }
}

/// A figure from an undated article, linked to its paragraph.
struct UndatedRow: Codable {
    var areaText: String
    var kind: String
    var quote: String
    var claimant: String?
    var sourceHref: String
    var sourceLabel: String
    var sourceOutlet: String?

    init(_ figure: UndatedFigure, in site: SiteIndex, root: String) {
        areaText = NumberText.format(figure.areaKm2)
        kind = FigureRow.label(figure.kind)
        quote = figure.quote
        claimant = figure.claimant.isEmpty ? nil : figure.claimant
        sourceHref = root + ArticlePage.path(figure.article) + "#p\(figure.paragraph)"
        sourceLabel = site.article(figure.article).map { $0.title ?? figure.article } ?? figure.article
        sourceOutlet = site.article(figure.article)?.outlet
    }
}
