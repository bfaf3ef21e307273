import Foundation

/// What a note's Markdown may ask of the build. Debian's cmark-gfm 0.29.0.gfm.6 predates upstream's 2023 fixes:
/// some inputs cost it time or memory out of all proportion to their size (a table of 5,000 columns over 5,000
/// short lines: gigabytes; 960 KB of `![[]()`: minutes). The cheap checks here run before parsing; the time and
/// memory limits hold for everything else, in a worker process that can be stopped. Every limit is far beyond any
/// honest note: the longest note of this dossier is 3 KB, its widest table 4 columns, its deepest nesting 4.
struct MarkdownLimits: Sendable {
    /// A note's file, front matter included: about 150,000 words, a long book. 1 MB of ordinary Markdown parses
    /// in 0.1 s; the cap also bounds what any quadratic behaviour can cost before the time limit.
    var noteBytes = 1 << 20
    /// Cells of a note's tables together, counted as cmark-gfm makes them: every row gets as many cells as
    /// the delimiter row has columns, however short the line. 100,000 cells (a 10-column table of 10,000 rows)
    /// take cmark-gfm about 0.1 s and 60 MB.
    var tableCells = 100_000
    /// Blocks and spans inside each other (a list item in a list in a block quote is 3 deep). Browsers stop
    /// nesting elements at a few hundred; honest notes stay under 20.
    var depth = 100
    /// Processor time for one note in a worker. Ordinary notes take milliseconds; time, not wall time, so that
    /// a busy machine does not fail a build.
    var parseSeconds = 1.0
    /// Wall time for one note whatever the load: a worker that gets no processor time for this long is stuck.
    var stallSeconds = 10.0
    /// Memory of a worker process (its data segment, `RLIMIT_DATA`), enough for 1 MB of the most node-heavy
    /// Markdown (`*a* ` repeated: 280 MB) and not for cmark-gfm's runaway cases.
    var workerBytes = 384 << 20

    static let standard = MarkdownLimits()

    /// Why a note of `bytes` bytes is refused unread, or `nil`.
    func sizeProblem(bytes: Int) -> MarkdownProblem? {
        guard bytes > noteBytes else { return nil }
        return MarkdownProblem(line: nil, "note is \(Self.count(bytes)) bytes; a note may hold at most \(Self.bytes(noteBytes))")
    }

    /// Why `source` is refused before parsing, or `nil`: the tables it would make hold too many cells in all.
    /// Estimated from the lines alone, on the safe side: a delimiter row (`|---|:-:|`) after a line of text starts
    /// a table, and every line up to the next blank one is a row of it. `line` is 1-based, within `source`.
    func tableProblem(in source: String) -> MarkdownProblem? {
        var cells = 0
        var table: (line: Int, columns: Int, rows: Int)?
        func close() -> MarkdownProblem? {
            guard let current = table else { return nil }
            table = nil
            cells += current.columns * current.rows
            guard cells > tableCells else { return nil }
            return MarkdownProblem(line: current.line, "table of \(Self.count(current.columns)) columns × "
                + "\(Self.count(current.rows)) rows brings the note to \(Self.count(cells)) table cells; "
                + "a note's tables may hold at most \(Self.count(tableCells)) cells")
        }
        var source = source
        return source.withUTF8 { bytes -> MarkdownProblem? in
            var previousBlank = true
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                lineNumber += 1
                let line = Self.contentAfterQuotes(bytes[start..<end])
                let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
                if table != nil {
                    if !blank { table?.rows += 1 } else if let problem = close() { return problem }
                } else if !previousBlank, let columns = Self.delimiterColumns(line) {
                    // The header is the line before; it counts as a row.
                    table = (lineNumber - 1, columns, 1)
                }
                previousBlank = blank
                start = end + 1
            }
            return close()
        }
    }

    /// Why a document nesting `depth` deep is refused, or `nil`.
    func depthProblem(_ depth: Int) -> MarkdownProblem? {
        guard depth > self.depth else { return nil }
        return MarkdownProblem(line: nil, "Markdown nests \(Self.count(depth)) levels deep (block quotes, lists, "
            + "emphasis and links inside each other); the limit is \(self.depth)")
    }

    func timeProblem(wall: Bool) -> MarkdownProblem {
        wall ? MarkdownProblem(line: nil, "Markdown parsing got nowhere in \(Self.seconds(stallSeconds)) "
                + "(limit: \(Self.seconds(stallSeconds)) per note, however busy the machine)")
             : MarkdownProblem(line: nil, "Markdown took longer than \(Self.seconds(parseSeconds)) to parse "
                + "(limit: \(Self.seconds(parseSeconds)) of processor time per note)")
    }

    func memoryProblem(_ detail: String) -> MarkdownProblem {
        MarkdownProblem(line: nil, "Markdown needs more memory to parse than the limit of \(Self.bytes(workerBytes)) "
            + "per note (\(detail))")
    }

    /// The line after the block-quote markers and indentation that may stand before a table inside a quote.
    private static func contentAfterQuotes(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = line.firstIndex { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains($0) }
        return line[(start ?? line.endIndex)...]
    }

    /// The number of columns when `line` has the shape of a table's delimiter row: only `|`, `-`, `:` and
    /// spaces, with at least one pipe and one hyphen.
    private static func delimiterColumns(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var pipes = 0
        var hyphens = false
        var cells = 0
        var inCell = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1; inCell = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                hyphens = hyphens || byte == UInt8(ascii: "-")
                if !inCell { cells += 1; inCell = true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            default: return nil
            }
        }
        return pipes > 0 && hyphens ? cells : nil
    }

    /// `4,002,000`, the same in every locale.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let grouped = digits.enumerated().map { offset, digit in
            (offset > 0 && (digits.count - offset) % 3 == 0 ? "," : "") + String(digit)
        }.joined()
        return (n < 0 ? "-" : "") + grouped
    }

    /// `1 MB (1,048,576 bytes)` for whole megabytes, `1,000 bytes` otherwise.
    static func bytes(_ n: Int) -> String {
        n > 0 && n % (1 << 20) == 0 ? "\(n >> 20) MB (\(count(n)) bytes)" : "\(count(n)) bytes"
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
}

/// Why a note's Markdown is refused: at `line` of the Markdown (1-based) when the problem has a place.
struct MarkdownProblem: Error, Sendable, Equatable {
    var line: Int?
    var message: String

    init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }
}
