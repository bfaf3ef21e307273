/// The curated figures drawn as an SVG chart at build time: one series per claimant, joined only between a
/// claimant's own figures and only across gaps the data supports; a month or a range of days drawn as a span;
/// key events as labelled bands. Claimants differ in colour, marker shape and dash, so the chart reads in
/// black-and-white print; a narrow layout with larger text serves phones.
struct TerritoryChart {
    let figures: [TerritoryFigure]
    let events: [TimelineEvent]
    let layout: Layout
    /// Two figures of one claimant further apart than this are not joined by a line.
    let joinWithinDays: Int

    struct Layout {
        var name: String
        var width: Double, height: Double
        var left: Double, right: Double, top: Double, bottom: Double
        var fontSize: Double
        /// At most this many month labels along the time axis.
        var monthLabels: Int

        static let wide = Layout(name: "wide", width: 720, height: 420, left: 64, right: 24, top: 40, bottom: 48,
                                 fontSize: 12, monthLabels: 14)
        static let narrow = Layout(name: "narrow", width: 400, height: 520, left: 58, right: 14, top: 44, bottom: 52,
                                   fontSize: 15, monthLabels: 5)
    }

    var series: [ChartSeries] { ChartSeries.all(for: figures) }

    /// From the first day of the earliest month shown to ten days after the last figure, as day ordinals.
    var timeDomain: (Double, Double) {
        let spans = figures.map(\.date.ordinals)
        guard let first = spans.map(\.lowerBound).min(), let last = spans.map(\.upperBound).max() else { return (0, 1) }
        let start = figures.map(\.date.start).min().flatMap { Day(year: $0.year, month: $0.month, day: 1) }?.ordinal ?? first
        return (Double(start), Double(last + 10))
    }

    var step: Double {
        let largest = figures.map(\.areaKm2).max() ?? 0
        return largest > 1000 ? 200 : largest > 200 ? 100 : 20
    }

    /// The top of the value axis: the largest figure rounded up to a whole step.
    var valueMax: Double {
        let largest = figures.map(\.areaKm2).max() ?? 0
        return max(step, (largest / step).rounded(.up) * step)
    }

    func x(_ ordinal: Double) -> Double {
        let (start, end) = timeDomain
        return layout.left + (ordinal - start) / max(end - start, 1) * (layout.width - layout.left - layout.right)
    }

    func y(_ value: Double) -> Double {
        layout.top + (1 - value / valueMax) * (layout.height - layout.top - layout.bottom)
    }

    static func number(_ value: Double) -> String { NumberText.plain((value * 10).rounded() / 10) }

    /// The chart, titled and described in the site's words (`site.yml`'s `territory`).
    func svg(title: String, axisLabel: String, description: String) -> String {
        let id = "territory-chart-\(layout.name)"
        var out = """
        <svg class="chart-\(layout.name)" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(layout.width)) \(Int(layout.height))" \
        role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="system-ui, sans-serif" font-size="\(Self.number(layout.fontSize))">
        <title id="\(id)-title">\(HTML.escape(title))</title>
        <desc id="\(id)-desc">\(HTML.escape(description))</desc>

        """
        out += eventBands()
        out += axes(label: axisLabel)
        for line in series { out += draw(line) }
        return out + "</svg>"
    }

    func axes(label: String) -> String {
        let n = Self.number
        var out = "<g class=\"axes\">\n"
        let plotBottom = layout.height - layout.bottom
        var value = 0.0
        while value <= valueMax + 0.001 {
            let yy = n(y(value))
            out += "<line x1=\"\(n(layout.left))\" x2=\"\(n(layout.width - layout.right))\" y1=\"\(yy)\" y2=\"\(yy)\" class=\"grid\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(n(layout.left - 6))\" y=\"\(yy)\" dy=\"0.33em\" text-anchor=\"end\">\(NumberText.format(value))</text>\n"
            value += step
        }
        out += "<text x=\"6\" y=\"\(n(layout.top - layout.fontSize - 8))\" text-anchor=\"start\" font-weight=\"bold\">\(HTML.escape(label))</text>\n"
        let months = monthStarts()
        let every = max(1, (months.count + layout.monthLabels - 1) / layout.monthLabels)
        for (index, month) in months.enumerated() {
            let xx = n(x(Double(month.ordinal)))
            out += "<line x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(n(plotBottom))\" y2=\"\(n(plotBottom + 5))\"/>\n"
            guard index % every == 0 else { continue }
            let name = String(Day.monthNames[month.month - 1].prefix(3))
            let withYear = index == 0 || month.month <= every
            out += "<text x=\"\(xx)\" y=\"\(n(plotBottom + layout.fontSize + 8))\" text-anchor=\"middle\">\(name)\(withYear ? " \(month.year)" : "")</text>\n"
        }
        out += "<line x1=\"\(n(layout.left))\" x2=\"\(n(layout.width - layout.right))\" y1=\"\(n(plotBottom))\" y2=\"\(n(plotBottom))\"/>\n"
        return out + "</g>\n"
    }

    /// The first day of every month in the time domain.
    func monthStarts() -> [Day] {
        let (start, end) = timeDomain
        guard var month = figures.map(\.date.start).min().flatMap({ Day(year: $0.year, month: $0.month, day: 1) }) else { return [] }
        var months: [Day] = []
        while Double(month.ordinal) <= end, months.count < 1200 {
            if Double(month.ordinal) >= start { months.append(month) }
            guard let next = month.month == 12 ? Day(year: month.year + 1, month: 1, day: 1)
                    : Day(year: month.year, month: month.month + 1, day: 1) else { break }
            month = next
        }
        return months
    }

    /// The events with a chart label inside the time domain: a band for a range of days or a month, a line for
    /// a day. Labels that would overlap go on the next row down.
    func eventBands() -> String {
        let n = Self.number
        let (start, end) = timeDomain
        var out = "<g class=\"events\">\n"
        var rows: [Double] = [] // where each row's last label ends
        for event in events {
            guard let label = event.chartLabel else { continue }
            let span = event.date.ordinals
            guard Double(span.upperBound) >= start, Double(span.lowerBound) <= end else { continue }
            let x0 = x(max(Double(span.lowerBound), start)), x1 = x(min(Double(span.upperBound + 1), end))
            let plotBottom = layout.height - layout.bottom
            let title = "<title>\(HTML.escape(event.dateText + ": " + event.text))</title>"
            if event.date.isDay {
                out += "<line x1=\"\(n(x0))\" x2=\"\(n(x0))\" y1=\"\(n(layout.top))\" y2=\"\(n(plotBottom))\" class=\"event-line\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\">\(title)</line>\n"
            } else {
                out += "<rect x=\"\(n(x0))\" y=\"\(n(layout.top))\" width=\"\(n(max(x1 - x0, 1.5)))\" height=\"\(n(plotBottom - layout.top))\" class=\"event-band\">\(title)</rect>\n"
            }
            // Labels read left to right from the event; one near the right edge ends at it instead.
            let width = Double(label.count) * layout.fontSize * 0.56
            let rightAligned = x0 + 3 + width > layout.width - layout.right
            let from = rightAligned ? x0 - 3 - width : x0 + 3
            let row = rows.firstIndex { $0 < from - 4 } ?? rows.count
            if row == rows.count { rows.append(0) }
            rows[row] = from + width
            let yy = layout.top + layout.fontSize + Double(row) * (layout.fontSize + 4)
            out += "<text x=\"\(n(rightAligned ? x0 - 3 : x0 + 3))\" y=\"\(n(yy))\" text-anchor=\"\(rightAligned ? "end" : "start")\" class=\"event-label\" font-size=\"\(n(layout.fontSize * 0.92))\">\(HTML.escape(label))</text>\n"
        }
        return out + "</g>\n"
    }

    /// One claimant's figures: lines between day figures no further apart than `joinWithinDays`, a span for a
    /// month or a range, a marker for each day figure (hollow when the figure is derived).
    func draw(_ line: ChartSeries) -> String {
        let n = Self.number
        let style = line.style
        var out = "<g class=\"series \(style.colourClass)\">\n"
        let dash = style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        var run: [(Double, Double)] = []
        var last: Int?
        func flush() {
            if run.count > 1 {
                out += "<polyline fill=\"none\" stroke-width=\"2.5\"\(dash) points=\"\(run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\"/>\n"
            }
            run = []
        }
        for figure in line.figures {
            let span = figure.date.ordinals
            guard figure.date.isDay else {
                flush()
                last = nil
                continue
            }
            if let last, span.lowerBound - last > joinWithinDays { flush() }
            run.append((x(Double(span.lowerBound)), y(figure.areaKm2)))
            last = span.lowerBound
        }
        flush()
        for figure in line.figures {
            let title = "\(figure.date.display): \(NumberText.format(figure.areaKm2)) km², \(figure.attribution)"
            let span = figure.date.ordinals
            let yy = y(figure.areaKm2)
            if figure.date.isDay {
                out += ChartMarker.svg(style.shape, x: x(Double(span.lowerBound)), y: yy, size: layout.fontSize * 0.45,
                                       hollow: figure.method == .derived, title: title)
            } else {
                let x0 = x(Double(span.lowerBound)), x1 = x(Double(span.upperBound + 1))
                out += "<path d=\"M\(n(x0)) \(n(yy - 5))V\(n(yy + 5))M\(n(x0)) \(n(yy))H\(n(x1))M\(n(x1)) \(n(yy - 5))V\(n(yy + 5))\" fill=\"none\" stroke-width=\"3\"><title>\(HTML.escape(title))</title></path>\n"
            }
        }
        return out + "</g>\n"
    }
}
