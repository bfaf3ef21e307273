import Foundation

/// What a note's Markdown may ask of the build. Debian's cmark-gfm 0.29.0.gfm.6 predates upstream's 2023 fixes:
/// some inputs cost it time or memory out of all proportion to their size (a table of 5,000 columns over 5,000
/// short lines: gigabytes; 960 KB of `![[]()`: minutes; one link reference used 100,000 times: an abort). On
/// ordinary Markdown its cost grows in step with the text, so each allowance below is a fixed amount plus a share
/// per megabyte of note: an honest note fits however long it is (a 20 MB note builds), and a runaway one, whose
/// cost grows faster than its size, reaches the limit early. Size and tables are checked before parsing, nesting
/// after it; the time and memory limits hold while a worker process parses (`MarkdownWorkers`).
struct MarkdownLimits: Sendable {
    /// A note's file, front matter included: some five million words. It bounds what any note can cost.
    var noteBytes = 32 << 20
    /// Cells of a note's tables together, counted as cmark-gfm makes them: every row gets as many cells as the
    /// delimiter row has columns, however short the line. A fixed 100,000 (a 10-column table of 10,000 rows:
    /// 0.1 s, 60 MB) and one per 8 bytes of note; a table of dates, places and figures takes 10 bytes a cell.
    var tableCells = 100_000
    var tableBytesPerCell = 8
    /// Blocks and spans inside each other (a list item in a list in a block quote is 3 deep). Browsers stop
    /// nesting elements at a few hundred; honest notes stay under 20, whatever their length.
    var depth = 100
    /// Processor time for one note in a worker: 1 s and 0.5 s per MB. Ordinary text takes 0.15 s per MB, the
    /// densest (a link every 7 bytes) 0.4 s. Processor time rather than wall time, so that a busy machine does
    /// not fail a build.
    var parseSeconds = 1.0
    var parseSecondsPerMB = 0.5
    /// Wall time, against a worker that gets no processor time at all: this many times its processor time.
    var stallFactor = 10.0
    /// Memory (the data segment, `RLIMIT_DATA`) of the worker parsing one note: 256 MB and 64 bytes per byte.
    /// Ordinary text needs 15 to 50 bytes per byte; shapes that make a node of every word (`*a* ` repeated,
    /// lists of one-word items) need 200, which the fixed part covers up to 1.5 MB.
    var workerBytes = 256 << 20
    var workerBytesPerByte = 64

    static let standard = MarkdownLimits()

    func tableCells(bytes: Int) -> Int { tableCells + bytes / tableBytesPerCell }
    func parseSeconds(bytes: Int) -> Double { parseSeconds + parseSecondsPerMB * Double(bytes) / Double(1 << 20) }
    func stallSeconds(bytes: Int) -> Double { stallFactor * parseSeconds(bytes: bytes) }
    func workerBytes(bytes: Int) -> Int { workerBytes + workerBytesPerByte * bytes }
    /// A worker holding more than this after a job ends, and a fresh one takes the next: what a large parse
    /// leaves fragmented must not count against the next note. Its allocator keeps up to this much freed memory.
    var retireBytes: Int { workerBytes / 2 }

    /// Why a note of `bytes` bytes is refused unread, or `nil`.
    func sizeProblem(bytes: Int) -> MarkdownProblem? {
        guard bytes > noteBytes else { return nil }
        return MarkdownProblem(line: nil, "note is \(Self.count(bytes)) bytes; a note may hold at most \(Self.bytes(noteBytes))")
    }

    /// Why `source` is refused before parsing, or `nil`: the tables it would make hold too many cells in all.
    /// Estimated from the lines alone, on the safe side: a delimiter row (`|---|:-:|`) after a line of text starts
    /// a table, and every line up to the next blank one is a row of it. `line` is 1-based, within `source`.
    func tableProblem(in source: String) -> MarkdownProblem? {
        let bytes = source.utf8.count
        let allowed = tableCells(bytes: bytes)
        var cells = 0
        var table: (line: Int, columns: Int, rows: Int)?
        func close() -> MarkdownProblem? {
            guard let current = table else { return nil }
            table = nil
            cells += current.columns * current.rows
            guard cells > allowed else { return nil }
            return MarkdownProblem(line: current.line, "table of \(Self.count(current.columns)) columns × "
                + "\(Self.count(current.rows)) rows brings the note to \(Self.count(cells)) table cells; the tables of "
                + "a note of \(Self.count(bytes)) bytes may hold \(Self.count(allowed)) (limit: "
                + "\(Self.count(tableCells)) cells and one per \(tableBytesPerCell) bytes)")
        }
        var source = source
        return source.withUTF8 { bytes -> MarkdownProblem? in
            // Every delimiter row has a pipe: most notes have none, and are done in one quick search.
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return nil }
            var previousBlank = true
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                var end = bytes.count
                if start < bytes.count, let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                    end = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                }
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

    func timeProblem(bytes: Int, wall: Bool) -> MarkdownProblem {
        let processor = parseSeconds(bytes: bytes)
        let limit = "\(Self.seconds(parseSeconds)) and \(Self.seconds(parseSecondsPerMB)) per MB of note"
        if wall {
            return MarkdownProblem(line: nil, "Markdown parsing took longer than \(Self.seconds(stallSeconds(bytes: bytes))) "
                + "without getting \(Self.seconds(processor)) of processor time (limit: \(Self.count(Int(stallFactor))) "
                + "times the processor time, which is \(limit))")
        }
        return MarkdownProblem(line: nil, "Markdown took longer than \(Self.seconds(processor)) to parse "
            + "(limit: \(limit), of processor time)")
    }

    func memoryProblem(bytes: Int, _ detail: String) -> MarkdownProblem {
        MarkdownProblem(line: nil, "Markdown needs more than \(Self.bytes(workerBytes(bytes: bytes))) of memory to parse "
            + "(limit: \(Self.bytes(workerBytes)) and \(workerBytesPerByte) bytes per byte of note; \(detail))")
    }

    /// The line after the block-quote markers and indentation that may stand before a table inside a quote.
    private static func contentAfterQuotes(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = line.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: ">") }
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
    static func count(_ n: Int) -> String { NumberText.format(Double(n), decimals: 0) }

    /// `32 MB`, `1.5 MB`: megabytes of 1,048,576 bytes, to one decimal when that is not whole.
    static func bytes(_ n: Int) -> String { NumberText.format(Double(n) / Double(1 << 20)) + " MB" }

    /// `1 s`, `1.47 s`.
    static func seconds(_ s: Double) -> String { NumberText.format(s, decimals: 2) + " s" }
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
