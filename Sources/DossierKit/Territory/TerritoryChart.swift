/// The curated series drawn as an SVG line chart at build time: km² over time, one line per side, with
/// labelled axes. Sides differ in colour, dash and marker shape, so the chart reads in black-and-white print.
struct TerritoryChart {
    let figures: [TerritoryFigure]
    let width = 720.0
    let height = 400.0
    let left = 64.0, right = 24.0, top = 56.0, bottom = 56.0
    var legendY: Double { 14 }

    static let styles: [TerritoryFigure.Side: (colour: String, dash: String?, label: String)] = [
        .ukraine: ("#0b5cad", nil, "Ukraine"),
        .russia: ("#b3261e", "7 4", "Russia"),
        .independent: ("#4d5b0f", "2 3", "Independent monitors"),
    ]

    /// Days on the time axis: month-only figures sit mid-month.
    static func position(_ day: Day) -> Double { Double(day.ordinal + (day.day == nil ? 14 : 0)) }

    /// From the first day of the earliest figure's month to ten days after the last figure.
    var timeDomain: (Double, Double) {
        let earliest = figures.map(\.date).min()
        let start = earliest.flatMap { Day(year: $0.year, month: $0.month, day: 1) }.map(Self.position) ?? 0
        return (start, (figures.map { Self.position($0.date) }.max() ?? start) + 10)
    }

    /// The top of the value axis: the largest figure rounded up to a whole step.
    var valueMax: Double {
        let largest = figures.map(\.areaKm2).max() ?? 0
        return max(step, (largest / step).rounded(.up) * step)
    }

    var step: Double {
        let largest = figures.map(\.areaKm2).max() ?? 0
        return largest > 1000 ? 200 : largest > 200 ? 100 : 20
    }

    func x(_ day: Day) -> Double {
        let (start, end) = timeDomain
        return left + (Self.position(day) - start) / max(end - start, 1) * (width - left - right)
    }

    func y(_ value: Double) -> Double {
        top + (1 - value / valueMax) * (height - top - bottom)
    }

    static func number(_ value: Double) -> String { NumberText.plain((value * 10).rounded() / 10) }

    /// The chart, titled and described in the site's words (`site.yml`'s `territory`).
    func svg(title: String, axisLabel: String, description: String) -> String {
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
        aria-labelledby="territory-chart-title territory-chart-desc" font-family="system-ui, sans-serif" font-size="12">
        <title id="territory-chart-title">\(HTML.escape(title))</title>
        <desc id="territory-chart-desc">\(HTML.escape(description))</desc>

        """
        out += axes(label: axisLabel)
        for side in TerritoryFigure.Side.allCases {
            out += series(side)
        }
        out += legend()
        out += "</svg>"
        return out
    }

    func axes(label: String) -> String {
        var out = "<g class=\"axes\" fill=\"#1d232b\" stroke=\"none\">\n"
        let plotBottom = height - bottom
        var value = 0.0
        while value <= valueMax + 0.001 {
            let yy = Self.number(y(value))
            out += "<line x1=\"\(Self.number(left))\" x2=\"\(Self.number(width - right))\" y1=\"\(yy)\" y2=\"\(yy)\" stroke=\"#d6d0c2\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(Self.number(left - 8))\" y=\"\(yy)\" dy=\"4\" text-anchor=\"end\">\(NumberText.format(value))</text>\n"
            value += step
        }
        out += "<text x=\"8\" y=\"\(Self.number(top - 14))\" text-anchor=\"start\" font-weight=\"bold\">\(HTML.escape(label))</text>\n"
        let (start, end) = timeDomain
        var month = firstMonth()
        let months = monthsBetween(start, end)
        let every = months > 24 ? 3 : months > 12 ? 2 : 1
        var index = 0
        while let current = month, Self.position(current) <= end {
            let xx = Self.number(x(current))
            out += "<line x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(Self.number(plotBottom))\" y2=\"\(Self.number(plotBottom + 5))\" stroke=\"#1d232b\"/>\n"
            if index % every == 0 || current.month == 1 {
                let label = String(Day.monthNames[current.month - 1].prefix(3)) + (current.month == 1 || index == 0 ? " \(current.year)" : "")
                out += "<text x=\"\(xx)\" y=\"\(Self.number(plotBottom + 20))\" text-anchor=\"middle\">\(label)</text>\n"
            }
            index += 1
            month = next(current)
        }
        out += "<line x1=\"\(Self.number(left))\" x2=\"\(Self.number(width - right))\" y1=\"\(Self.number(plotBottom))\" y2=\"\(Self.number(plotBottom))\" stroke=\"#1d232b\"/>\n"
        out += "<text x=\"\(Self.number((left + width - right) / 2))\" y=\"\(Self.number(height - 8))\" text-anchor=\"middle\">Date of the figure</text>\n"
        return out + "</g>\n"
    }

    func firstMonth() -> Day? {
        figures.map(\.date).min().flatMap { Day(year: $0.year, month: $0.month, day: 1) }
    }

    func next(_ day: Day) -> Day? {
        day.month == 12 ? Day(year: day.year + 1, month: 1, day: 1) : Day(year: day.year, month: day.month + 1, day: 1)
    }

    func monthsBetween(_ start: Double, _ end: Double) -> Int { Int((end - start) / 30.4) }

    func series(_ side: TerritoryFigure.Side) -> String {
        let points = figures.filter { $0.side == side }
        guard !points.isEmpty, let style = Self.styles[side] else { return "" }
        var out = "<g class=\"series series-\(side.rawValue.lowercased())\" stroke=\"\(style.colour)\" fill=\"\(style.colour)\">\n"
        let coordinates = points.map { "\(Self.number(x($0.date))),\(Self.number(y($0.areaKm2)))" }
        out += "<polyline fill=\"none\" stroke-width=\"2.5\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") points=\"\(coordinates.joined(separator: " "))\"/>\n"
        for figure in points {
            let label = "\(figure.date.display): \(NumberText.format(figure.areaKm2)) km², \(figure.method.rawValue) by \(figure.claimant)"
            out += marker(side, x: x(figure.date), y: y(figure.areaKm2), title: label)
        }
        return out + "</g>\n"
    }

    func marker(_ side: TerritoryFigure.Side, x: Double, y: Double, title: String) -> String {
        let t = "<title>\(HTML.escape(title))</title>"
        let (cx, cy) = (Self.number(x), Self.number(y))
        switch side {
        case .ukraine: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\">\(t)</circle>\n"
        case .russia: return "<rect x=\"\(Self.number(x - 4.5))\" y=\"\(Self.number(y - 4.5))\" width=\"9\" height=\"9\" data-cx=\"\(cx)\" data-cy=\"\(cy)\">\(t)</rect>\n"
        case .independent:
            return "<polygon points=\"\(cx),\(Self.number(y - 6)) \(Self.number(x + 6)),\(cy) \(cx),\(Self.number(y + 6)) \(Self.number(x - 6)),\(cy)\" data-cx=\"\(cx)\" data-cy=\"\(cy)\">\(t)</polygon>\n"
        }
    }

    func legend() -> String {
        var out = "<g class=\"legend\" font-size=\"12\">\n"
        var xx = left
        for side in TerritoryFigure.Side.allCases where figures.contains(where: { $0.side == side }) {
            guard let style = Self.styles[side] else { continue }
            out += "<line x1=\"\(Self.number(xx))\" x2=\"\(Self.number(xx + 28))\" y1=\"\(Self.number(legendY))\" y2=\"\(Self.number(legendY))\" stroke=\"\(style.colour)\" stroke-width=\"2.5\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>\n"
            out += "<g fill=\"\(style.colour)\">" + marker(side, x: xx + 14, y: legendY, title: style.label) + "</g>\n"
            out += "<text x=\"\(Self.number(xx + 34))\" y=\"\(Self.number(legendY + 4))\" fill=\"#1d232b\">\(style.label)</text>\n"
            xx += 34 + Double(style.label.count) * 7 + 24
        }
        return out + "</g>\n"
    }
}
