/// Values for the territory page and the home page's latest figures.
extension PageRenderer {
    func territory(on page: SitePage) -> [String: Any] {
        let series = index.territory
        var previous: [TerritoryFigure.Side: Double] = [:]
        let curated = series.curated.map { figure -> [String: Any] in
            var row = figureValues(figure, from: page)
            if let side = figure.side {
                if let before = previous[side] {
                    let change = figure.areaKm2 - before
                    row["change"] = change == 0 ? "±0" : (change > 0 ? "+" : "") + NumberText.format(change)
                } else {
                    row["change"] = "—"
                }
                previous[side] = figure.areaKm2
            }
            return row
        }
        let chart = TerritoryChart(figures: series.curated)
        return [
            "curated": curated,
            "extracted": series.extracted.map { figureValues($0, from: page) },
            "hasCurated": !series.curated.isEmpty,
            "hasExtracted": !series.extracted.isEmpty,
            "undated": series.undated.map { undatedValues($0, from: page) },
            "hasUndated": !series.undated.isEmpty,
            "hasQuoted": !series.extracted.isEmpty || !series.undated.isEmpty,
            "chart": series.curated.isEmpty ? "" : chart.svg(description: chartDescription(series)),
            "csvHref": href(.file("data/territory.csv"), from: page),
            "jsonHref": href(.file("data/territory.json"), from: page),
        ]
    }

    /// The chart's text alternative: each side's first and last figure, and the figures in between by count.
    func chartDescription(_ series: TerritorySeries) -> String {
        let sides = TerritoryFigure.Side.allCases.compactMap { side -> String? in
            let figures = series.curated.filter { $0.side == side }
            guard let first = figures.first, let last = figures.last else { return nil }
            let name = TerritoryChart.styles[side]?.label ?? side.rawValue
            return "\(name): \(figures.count) figure\(figures.count == 1 ? "" : "s"), from \(NumberText.format(first.areaKm2)) km² on \(first.date.display) to \(NumberText.format(last.areaKm2)) km² on \(last.date.display)."
        }
        return "Line chart of the area of Kursk oblast held by Ukraine, by who gave the figure. " + sides.joined(separator: " ")
            + " Every figure is listed in the table below."
    }

    func figureValues(_ figure: TerritoryFigure, from page: SitePage) -> [String: Any] {
        var row: [String: Any] = [
            "date": dateValues(figure.date),
            "areaText": NumberText.format(figure.areaKm2),
            "claimant": figure.claimant,
            "side": figure.side?.rawValue ?? "",
            "sideClass": figure.side?.rawValue.lowercased() ?? "none",
            "method": figure.method.rawValue,
            "kind": Self.kindLabel(figure.kind),
            "note": figure.note,
        ]
        row["quote"] = figure.quote
        switch figure.source {
        case let .article(id, paragraph):
            row["sourceHref"] = href(.article(id), from: page) + (paragraph.map { "#p\($0)" } ?? "")
            row["sourceLabel"] = index.article(id).map { $0.title ?? id } ?? id
            row["sourceOutlet"] = index.article(id)?.outlet
        case let .url(url):
            row["sourceHref"] = url
            row["sourceLabel"] = Self.host(of: url)
            row["isExternal"] = true
        }
        return row
    }

    /// A figure from an undated article, linked to its paragraph.
    func undatedValues(_ figure: UndatedFigure, from page: SitePage) -> [String: Any] {
        var row: [String: Any] = [
            "areaText": NumberText.format(figure.areaKm2),
            "kind": Self.kindLabel(figure.kind),
            "quote": figure.quote,
            "sourceHref": href(.article(figure.article), from: page) + "#p\(figure.paragraph)",
            "sourceLabel": index.article(figure.article).map { $0.title ?? figure.article } ?? figure.article,
        ]
        row["sourceOutlet"] = index.article(figure.article)?.outlet
        if !figure.claimant.isEmpty { row["claimant"] = figure.claimant }
        return row
    }

    /// A peak must never read as ground held at the article's date.
    static func kindLabel(_ kind: AreaFigure.Kind) -> String {
        kind == .peak ? "peak (largest extent)" : kind.rawValue
    }

    func homeTerritory(from page: SitePage) -> [String: Any]? {
        let latest = index.territory.latestBySide
        guard !latest.isEmpty else { return nil }
        return ["latest": latest.map { figureValues($0, from: page) }]
    }

    /// `https://www.reuters.com/world/…` → `reuters.com`, to label a link by where it goes.
    static func host(of url: String) -> String {
        let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true).dropFirst().first ?? Substring(url)
        let host = afterScheme.hasPrefix("www.") ? afterScheme.dropFirst(4) : afterScheme
        return String(host)
    }
}
