import Foundation

/// Reads `content/territory.csv`: header `date,area_km2,claimant,side,method,source,quote,primary,note`, one
/// figure a row. Every bad cell is reported at its line and column name; article ids and quotes from articles are
/// checked by the index.
enum TerritoryCSV {
    static let header = ["date", "area_km2", "claimant", "side", "method", "source", "quote", "primary", "note"]

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
        checkSpellings(of: figures, path: path, log: &log)
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

        let date = DateSpan(iso: cell(0))
        if date == nil {
            fail("date", "'\(cell(0))' is not a date: write 2024-08-12 for a day, 2024-10 for a month, or "
                + "2024-10-01/2024-10-10 for a range of days (\"early October\"), and check that each day exists")
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
        let source = CitedSource.parse(cell(5))
        if case .failure(let problem) = source { fail("source", problem.text) }
        let quote = cell(6)
        if quote.isEmpty { fail("quote", "is empty: quote the sentence of the source that gives the figure") }
        let primary = parsePrimary(cell(7))
        if case .failure(let problem) = primary { fail("primary", problem.text) }

        guard ok, let date, let area, let side, let method, case .success(let source) = source,
              case .success(let primaryValue) = primary else { return nil }
        return TerritoryFigure(date: date, areaKm2: area, claimant: claimant, side: side, method: method,
                               source: source, note: cell(8), quote: quote, primary: primaryValue, line: row.line)
    }

    /// "Syrskyi's video report on Zelensky's Telegram channel", optionally ending with its `https://` address.
    static func parsePrimary(_ text: String) -> Result<TerritoryFigure.Primary?, CitedSource.Problem> {
        guard !text.isEmpty else { return .success(nil) }
        let words = text.split(separator: " ")
        guard let last = words.last, last.contains("://") else { return .success(.init(text: text, url: nil)) }
        let url = String(last)
        if let problem = SourceAddress.problem(with: url) { return .failure(CitedSource.Problem(text: problem)) }
        let description = words.dropLast().joined(separator: " ")
        return .success(.init(text: description.isEmpty ? SourceAddress.host(of: url) : description, url: url))
    }

    /// One spelling per claimant: two spellings of one name would split its figures into two series.
    static func checkSpellings(of figures: [TerritoryFigure], path: String, log: inout DiagnosticLog) {
        var first: [String: TerritoryFigure] = [:]
        for figure in figures {
            let key = NameFolding.keys(of: figure.claimant).joined(separator: " ")
            if let earlier = first[key], earlier.claimant != figure.claimant {
                log.warning(path, line: figure.line ?? 0, "column 'claimant': '\(figure.claimant)' is written "
                    + "'\(earlier.claimant)' on line \(earlier.line ?? 0); spell a claimant one way, so that its figures are one series")
            } else if first[key] == nil {
                first[key] = figure
            }
        }
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
