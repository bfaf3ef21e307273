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
        /// The chart, as SVG made by the build: a wide layout, and a narrow one for phones.
        var chart: HTMLFragment
        var chartNarrow: HTMLFragment
        /// The chart's key: one entry per claimant.
        var series: [LegendItem]
        var hasSpans: Bool
        var hasDerived: Bool
        /// The events drawn on the chart, with their sources.
        var events: [EventItem]
        var hasEvents: Bool
        var joinWithinDays: Int
        var csvHref: String
        var jsonHref: String
    }

    struct LegendItem: Codable {
        var swatch: HTMLFragment
        var claimant: String
        var side: String
        /// "1 figure", "4 figures".
        var countText: String
    }

    struct EventItem: Codable {
        var label: String
        var date: DateValues
        var text: String
        var by: String?
        var sources: [SourceItem]
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        let series = site.territory
        var previous: [String: Double] = [:]
        let curated = series.curated.map { figure -> FigureRow in
            var row = FigureRow(figure, in: site, root: root)
            // The difference from the same claimant's previous figure: claimants are never subtracted from each other.
            if let before = previous[figure.claimant] {
                let change = figure.areaKm2 - before
                row.change = change == 0 ? "±0" : (change > 0 ? "+" : "") + NumberText.format(change)
            } else {
                row.change = "—"
            }
            previous[figure.claimant] = figure.areaKm2
            return row
        }
        let wording = site.config.territory
        let chartEvents = site.events.filter { $0.chartLabel != nil }
        let description = chartDescription(series, events: chartEvents, summary: wording.chartSummary)
        func chart(_ layout: TerritoryChart.Layout) -> String {
            series.curated.isEmpty ? "" : TerritoryChart(figures: series.curated, events: chartEvents, layout: layout,
                                                         joinWithinDays: wording.joinWithinDays)
                .svg(title: wording.chartTitle, axisLabel: wording.axisLabel, description: description)
        }
        let legend = ChartSeries.all(for: series.curated).map {
            LegendItem(swatch: HTMLFragment($0.swatch), claimant: $0.claimant, side: $0.side?.rawValue ?? "",
                       countText: "\($0.figures.count) figure\($0.figures.count == 1 ? "" : "s")")
        }
        return ("Territory over time", Context(
            curated: curated, hasCurated: !series.curated.isEmpty,
            extracted: series.extracted.map { FigureRow($0, in: site, root: root) }, hasExtracted: !series.extracted.isEmpty,
            undated: series.undated.map { UndatedRow($0, in: site, root: root) }, hasUndated: !series.undated.isEmpty,
            hasQuoted: !series.extracted.isEmpty || !series.undated.isEmpty,
            chart: HTMLFragment(chart(.wide)), chartNarrow: HTMLFragment(chart(.narrow)),
            series: legend,
            hasSpans: series.curated.contains { !$0.date.isDay },
            hasDerived: series.curated.contains { $0.method == .derived },
            events: chartEvents.map { EventItem($0, in: site, root: root) }, hasEvents: !chartEvents.isEmpty,
            joinWithinDays: wording.joinWithinDays,
            csvHref: href(SitePage.file(TerritoryCSVFile.path), root: root),
            jsonHref: href(SitePage.file(TerritoryJSONFile.path), root: root)))
    }

    /// The chart's text alternative: the site's summary sentence, each claimant's figures, and the events marked.
    static func chartDescription(_ series: TerritorySeries, events: [TimelineEvent], summary: String) -> String {
        let claimants = ChartSeries.all(for: series.curated).map { line -> String in
            let figures = line.figures.map { "\(NumberText.format($0.areaKm2)) km² (\($0.date.display))" }
            return "\(line.claimant): " + figures.joined(separator: ", ") + "."
        }
        let marked = events.compactMap { event in event.chartLabel.map { "\($0): \(event.dateText)." } }
        return ([summary] + claimants + marked + ["Every figure is listed in the table below, with its source."]).joined(separator: " ")
    }
}

extension TerritoryPage.EventItem {
    init(_ event: TimelineEvent, in site: SiteIndex, root: String) {
        label = event.chartLabel ?? ""
        date = DateValues(event.date, approximate: event.approximate)
        text = event.text
        by = event.by
        sources = SourceItem.list(event.sources, in: site, root: root)
    }
}

/// A territory figure as a row of the table (and of the home page's figures).
struct FigureRow: Codable {
    var date: DateValues
    var areaText: String
    /// Set on curated rows: the change since the same claimant's previous figure.
    var change: String?
    var claimant: String
    var side: String
    var sideClass: String
    /// "claimed by Oleksandr Syrskyi", "derived by the editors from Valery Gerasimov's figures".
    var attribution: String
    var kind: String
    var note: String
    var quote: String?
    var sourceHref: String
    var sourceLabel: String
    var sourceOutlet: String?
    var isExternal: Bool
    var primary: String?
    var primaryHref: String?
    /// "71 days before 13 August 2025", on the home page.
    var age: String?

    init(_ figure: TerritoryFigure, in site: SiteIndex, root: String) {
        date = DateValues(figure.date)
        areaText = NumberText.format(figure.areaKm2)
        claimant = figure.claimant
        side = figure.side?.rawValue ?? ""
        sideClass = figure.side?.rawValue.lowercased() ?? "none"
        attribution = figure.attribution
        kind = FigureRow.label(figure.kind)
        note = figure.note
        quote = figure.quote
        (sourceHref, sourceLabel, isExternal) = SourceLink.make(figure.source, in: site, root: root)
        if case let .article(id, _) = figure.source { sourceOutlet = site.article(id)?.outlet }
        primary = figure.primary?.text
        primaryHref = figure.primary?.url
    }

    /// A peak must never read as ground held at the article's date.
    static func label(_ kind: AreaFigure.Kind) -> String {
        kind == .peak ? "peak (largest extent)" : kind.rawValue
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
        (sourceHref, sourceLabel, _) = SourceLink.make(.article(id: figure.article, paragraph: figure.paragraph), in: site, root: root)
        sourceOutlet = site.article(figure.article)?.outlet
    }
}
