import Foundation

/// Reads `content/territory.csv`: header `date,area_km2,claimant,side,method,source,note`, one figure a row.
/// Every bad cell is reported at its line and column name; article ids are checked by the index.
enum TerritoryCSV {
    static let header = ["date", "area_km2", "claimant", "side", "method", "source", "note"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> [TerritoryFigure] {
        let rows = CSV.parse(text)
        guard let first = rows.first else {
            log.error(path, line: 1, "empty file; the first line must be \(header.joined(separator: ","))")
            return []
        }
        guard first.cells.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == header else {
            log.error(path, line: first.line, "the header must be \(header.joined(separator: ",")), found \(first.cells.joined(separator: ","))")
            return []
        }
        var figures: [TerritoryFigure] = []
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            if let figure = figure(row, path: path, log: &log) { figures.append(figure) }
        }
        return figures
    }

    static func figure(_ row: CSV.Row, path: String, log: inout DiagnosticLog) -> TerritoryFigure? {
        guard row.cells.count == header.count else {
            log.error(path, line: row.line, "expected \(header.count) columns (\(header.joined(separator: ","))), found \(row.cells.count)")
            return nil
        }
        let cell = { (i: Int) in row.cells[i].trimmingCharacters(in: .whitespaces) }
        var ok = true
        func fail(_ column: String, _ message: String) {
            log.error(path, line: row.line, "column '\(column)': \(message)")
            ok = false
        }

        let date = Day(iso: cell(0), allowMonth: true)
        if date == nil {
            let dateShaped = cell(0).wholeMatch(of: #/\d{4}-\d{2}(-\d{2})?/#) != nil
            fail("date", dateShaped ? "date '\(cell(0))' does not exist"
                                    : "'\(cell(0))' is not a date (YYYY-MM-DD, or YYYY-MM for a month)")
        }
        let area = Double(cell(1))
        if area == nil || !(area ?? 0).isFinite || (area ?? 0) < 0 {
            fail("area_km2", "'\(cell(1))' is not a number of square kilometres (write 1300 or 1300.5, without separators)")
        }
        let claimant = cell(2)
        if claimant.isEmpty { fail("claimant", "is empty: say who gave the figure") }
        let side = TerritoryFigure.Side(rawValue: cell(3))
            ?? TerritoryFigure.Side.allCases.first { $0.rawValue.lowercased() == cell(3).lowercased() }
        if side == nil { fail("side", "unknown side '\(cell(3))'; use Ukraine, Russia or independent") }
        let method = TerritoryFigure.Method(rawValue: cell(4).lowercased())
        if method == nil || method == .extracted {
            fail("method", "unknown method '\(cell(4))'; use claimed, assessed or derived")
        }
        let source = parseSource(cell(5))
        if source == nil { fail("source", "'\(cell(5))' is neither an article id of this dossier nor an https:// URL") }

        guard ok, let date, let area, let side, let method, let source else { return nil }
        return TerritoryFigure(date: date, areaKm2: area, claimant: claimant, side: side, method: method,
                               source: source, note: cell(6), quote: nil, line: row.line)
    }

    /// An `https://` URL, or something shaped like an article id (checked against the articles later).
    static func parseSource(_ text: String) -> TerritoryFigure.Source? {
        if text.lowercased().hasPrefix("https://") {
            return URLSafety.isSafeExternal(text) && text.count > 8 ? .url(text) : nil
        }
        guard !text.isEmpty, Slug.problem(with: text) == nil, !text.contains(":") else { return nil }
        return .article(id: text, paragraph: nil)
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines.
enum CSV {
    struct Row { var cells: [String]; var line: Int }

    static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var chars = text.makeIterator()
        var pending: Character? = chars.next()
        while let c = pending {
            pending = chars.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { cell.append("\""); pending = chars.next() } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty: quoted = true
            case ",": cells.append(cell); cell = ""
            case "\n":
                cells.append(cell); cell = ""
                rows.append(Row(cells: cells, line: rowLine))
                cells = []
                line += 1
                rowLine = line
            default: cell.append(c)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { cells.append(cell); rows.append(Row(cells: cells, line: rowLine)) }
        return rows
    }

    /// One field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
