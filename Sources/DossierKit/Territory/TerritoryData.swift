/// `data/territory.csv` and `data/territory.json`: every dated figure, curated and extracted, for readers to reuse.
enum TerritoryData {
    static let fields = ["date", "area_km2", "claimant", "side", "method", "kind", "source", "quote", "primary",
                         "primary_url", "note"]

    /// `date` is ISO 8601: a day, a month, or an interval of days (`2024-10-01/2024-10-10`).
    static func values(_ figure: TerritoryFigure) -> [String] {
        [figure.date.iso, NumberText.plain(figure.areaKm2), figure.claimant, figure.side?.rawValue ?? "",
         figure.method.rawValue, figure.kind.rawValue, figure.source.text, figure.quote ?? "",
         figure.primary?.text ?? "", figure.primary?.url ?? "", figure.note]
    }

    static func rows(_ series: TerritorySeries) -> [TerritoryFigure] { series.curated + series.extracted }

    static func csv(_ series: TerritorySeries) -> String {
        var out = fields.joined(separator: ",") + "\n"
        for figure in rows(series) {
            out += values(figure).map(CSV.field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Hand-written so that numbers and key order never vary between machines.
    static func json(_ series: TerritorySeries) -> String {
        let items = rows(series).map { figure -> String in
            let v = values(figure)
            let members = fields.indices.map { i -> String in
                let value = i == 1 ? v[i] : quote(v[i])
                return "    \(quote(fields[i])): \(value)"
            }
            return "  {\n" + members.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
