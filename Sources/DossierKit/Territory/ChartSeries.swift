import Foundation

/// One claimant's figures as a series of the territory chart, with the style that tells it apart: a colour of its
/// side's family, a marker shape of its own and its side's dash. The colour is a class whose values, light and dark,
/// are the stylesheet's (`--ukraine-2`, …), so that the chart follows the reader's colour scheme.
struct ChartSeries {
    let claimant: String
    let side: TerritoryFigure.Side?
    let figures: [TerritoryFigure]
    let style: Style

    struct Style: Hashable {
        /// `series-ukraine-2`: the second colour of Ukraine's family; `series-none` for a claimant of no side.
        var colourClass: String
        var dash: String?
        var shape: ChartMarker.Shape
    }

    /// How many colours each side's family has in the stylesheet (`--ukraine-1` to `--ukraine-4`, …); claimants
    /// past them reuse the family's colours in order, told apart by their markers.
    static let paletteSizes: [TerritoryFigure.Side: Int] = [.ukraine: 4, .russia: 3, .independent: 5]

    /// The class of colour `index` (from 0) of `side`'s family.
    static func colourClass(_ side: TerritoryFigure.Side?, index: Int) -> String {
        guard let side, let size = paletteSizes[side] else { return "series-none" }
        return "series-\(side.rawValue.lowercased())-\(index % size + 1)"
    }
    static let dashes: [TerritoryFigure.Side: String] = [.russia: "7 4", .independent: "2 3"]

    /// The series of `figures` (sorted by date), in the order of each claimant's first figure.
    static func all(for figures: [TerritoryFigure]) -> [ChartSeries] {
        var order: [String] = []
        var grouped: [String: [TerritoryFigure]] = [:]
        for figure in figures {
            if grouped[figure.claimant] == nil { order.append(figure.claimant) }
            grouped[figure.claimant, default: []].append(figure)
        }
        var perSide: [TerritoryFigure.Side?: Int] = [:]
        return order.enumerated().map { index, claimant in
            let members = grouped[claimant] ?? []
            let side = members.first?.side
            let colour = colourClass(side, index: perSide[side] ?? 0)
            perSide[side, default: 0] += 1
            let shape = ChartMarker.Shape.allCases[index % ChartMarker.Shape.allCases.count]
            return ChartSeries(claimant: claimant, side: side, figures: members,
                               style: Style(colourClass: colour, dash: side.flatMap { dashes[$0] }, shape: shape))
        }
    }

    /// A small picture of the series' line and marker, for the legend beside the chart.
    var swatch: String {
        let dash = style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<svg class=\"swatch\" viewBox=\"0 0 36 14\" width=\"36\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">"
            + "<g class=\"\(style.colourClass)\"><line x1=\"1\" x2=\"35\" y1=\"7\" y2=\"7\" stroke-width=\"2.5\"\(dash)/>"
            + ChartMarker.svg(style.shape, x: 18, y: 7, size: 5, hollow: false, title: nil) + "</g></svg>"
    }
}

/// The marker shapes of the chart's series.
enum ChartMarker {
    enum Shape: CaseIterable { case circle, square, diamond, triangle, invertedTriangle, cross, saltire, star }

    static func svg(_ shape: Shape, x: Double, y: Double, size r: Double, hollow: Bool, title: String?) -> String {
        let n = TerritoryChart.number
        let fill = hollow ? " class=\"hollow\" stroke-width=\"2\"" : ""
        let t = title.map { "<title>\(HTML.escape($0))</title>" } ?? ""
        let body: String
        switch shape {
        case .circle: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\"\(fill)>\(t)</circle>\n"
        case .square: return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\"\(fill)>\(t)</rect>\n"
        case .diamond: body = "\(n(x)),\(n(y - r * 1.3)) \(n(x + r * 1.3)),\(n(y)) \(n(x)),\(n(y + r * 1.3)) \(n(x - r * 1.3)),\(n(y))"
        case .triangle: body = "\(n(x)),\(n(y - r * 1.3)) \(n(x + r * 1.2)),\(n(y + r)) \(n(x - r * 1.2)),\(n(y + r))"
        case .invertedTriangle: body = "\(n(x)),\(n(y + r * 1.3)) \(n(x + r * 1.2)),\(n(y - r)) \(n(x - r * 1.2)),\(n(y - r))"
        case .cross:
            let a = r * 0.45
            body = [(-a, -r), (a, -r), (a, -a), (r, -a), (r, a), (a, a), (a, r), (-a, r), (-a, a), (-r, a), (-r, -a), (-a, -a)]
                .map { "\(n(x + $0.0)),\(n(y + $0.1))" }.joined(separator: " ")
        case .saltire:
            // The cross turned a quarter: corners at 45°.
            let a = r * 0.35, b = r * 1.05
            body = [(0, -a), (b - a, -b), (b, -(b - a)), (a, 0), (b, b - a), (b - a, b), (0, a), (-(b - a), b), (-b, b - a),
                    (-a, 0), (-b, -(b - a)), (-(b - a), -b)]
                .map { "\(n(x + $0.0)),\(n(y + $0.1))" }.joined(separator: " ")
        case .star:
            body = (0..<10).map { i -> String in
                let angle = Double(i) * Double.pi / 5 - Double.pi / 2
                let radius = i % 2 == 0 ? r * 1.4 : r * 0.6
                return "\(n(x + radius * cos(angle))),\(n(y + radius * sin(angle)))"
            }.joined(separator: " ")
        }
        return "<polygon points=\"\(body)\"\(fill)>\(t)</polygon>\n"
    }
}
