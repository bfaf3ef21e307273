import Foundation
import Testing
@testable import DossierKit

/// Notes made to order for the limits: tables, nesting and storms of any size.
enum Runaway {
    static func note(_ body: String) -> String { "---\ntitle: T\ndate: 2025-01-01\n---\n" + body }

    /// A header and delimiter row of `columns` columns, then `rows` lines of one letter: cmark-gfm pads each
    /// to the full width.
    static func table(columns: Int, rows: Int) -> String {
        "|" + Array(repeating: "a", count: columns).joined(separator: "|") + "|\n"
            + "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|\n"
            + String(repeating: "x\n", count: rows)
    }

    /// `![[]()` repeated to `bytes`: every link closes over all the brackets before it.
    static func bracketStorm(bytes: Int) -> String { String(repeating: "![[]()", count: bytes / 6) }

    /// One link reference, `length` bytes long, used `uses` times.
    static func referenceBomb(length: Int, uses: Int) -> String {
        "[a]: /" + String(repeating: "a", count: length) + "\n\n" + String(repeating: "[a]", count: uses) + "\n"
    }
}

@Suite("Markdown limits: checked before and after parsing, on every path")
struct MarkdownLimitsTests {
    let limits = MarkdownLimits.standard

    @Test("the table estimate counts every row cmark-gfm pads to the delimiter row's width")
    func tableEstimate() throws {
        let wide = try #require(limits.tableProblem(in: "Intro\n\n" + Runaway.table(columns: 2_000, rows: 2_000)))
        #expect(wide.line == 3)
        #expect(wide.message == "table of 2,000 columns × 2,001 rows brings the note to 4,002,000 table cells; the tables of "
            + "a note of 12,011 bytes may hold 101,501 (limit: 100,000 cells and one per 8 bytes)")
        // Inside a block quote, and without outer pipes, it is still a table.
        let quoted = "> a | b\n> " + Array(repeating: "---", count: 400).joined(separator: " | ") + "\n" + String(repeating: "> x\n", count: 400)
        #expect(limits.tableProblem(in: quoted)?.line == 1)
        // Several tables count together.
        let many = Array(repeating: Runaway.table(columns: 100, rows: 300), count: 4).joined(separator: "\n")
        #expect(limits.tableProblem(in: many)?.message.hasPrefix("table of 100 columns × 301 rows brings the note to 120,400") == true)
    }

    @Test("honest tables, thematic breaks and setext headings pass", arguments: [
        Runaway.table(columns: 10, rows: 9_000),
        "| Date | Place | km² |\n|:-----|:-----:|----:|\n" + String(repeating: "| 2024-08-06 | Sudzha | 1,000 |\n", count: 20_000),
        String(repeating: "Title\n---\n\ntext\n\n***\n\n- - -\n\n", count: 10_000),
        String(repeating: "a | b\n", count: 50_000),
    ])
    func honestTables(_ source: String) {
        #expect(limits.tableProblem(in: source) == nil)
    }

    @Test("a table is estimated in one pass: 6 MB of table lines take well under a second")
    func tableEstimateIsLinear() {
        let source = "a|b\n" + String(repeating: "|-|-|\n", count: 1_000_000)
        let start = ContinuousClock.now
        _ = limits.tableProblem(in: source)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("depth counts blocks and spans inside each other, and leaves do not add to it", arguments: [
        ("plain", 1), ("> a", 2), ("- a", 3), ("> - *a*", 5), ("| a |\n|---|\n| b |", 3), ("~~a~~", 2),
        ("`a` `b` <b>c</b> d  \ne\n\n```\ncode\n```\n\n    indented\n\n***\n\n<div>x</div>\n\n" + String(repeating: "`x` ", count: 1_000), 1),
        (String(repeating: ">", count: 1_000) + " a", 1_001), (String(repeating: "- ", count: 500) + "a", 1_001),
        ("[*a* **b**](x) ![i](y)", 3),
    ])
    func depth(_ source: String, _ expected: Int) {
        #expect(Markdown.render(source).depth == expected)
    }

    @Test("every limit is checked in this process too, at the note's line: size and tables before cmark-gfm, nesting after")
    func inProcessChecks() throws {
        var log = DiagnosticLog()
        #expect(NoteLoader.load(Runaway.note("Intro\n\n" + Runaway.table(columns: 5_000, rows: 5_000)),
                                path: "content/notes/x.md", stem: "x", log: &log) == nil)
        #expect(log.items.map(\.description).first?.hasPrefix("content/notes/x.md:7: error: table of 5,000 columns × 5,001 rows") == true)

        log = DiagnosticLog()
        #expect(NoteLoader.load(Runaway.note(String(repeating: ">", count: 50_000) + " x\n"), path: "content/notes/x.md",
                                stem: "x", log: &log) == nil)
        #expect(log.items.map(\.description) == [
            "content/notes/x.md: error: Markdown nests 50,001 levels deep (block quotes, lists, emphasis and links inside each other); the limit is 100",
        ])

        log = DiagnosticLog()
        let long = Runaway.note(String(repeating: "a", count: MarkdownLimits.standard.noteBytes))
        #expect(NoteLoader.load(long, path: "content/notes/x.md", stem: "x", log: &log) == nil)
        #expect(log.items.map(\.description) == ["content/notes/x.md: error: note is 33,554,466 bytes; a note may hold at most 32 MB"])
    }

    @Test("sizes, times and counts are written the same way in every locale")
    func wording() {
        #expect(MarkdownLimits.count(4_002_000) == "4,002,000")
        #expect(MarkdownLimits.count(999) == "999")
        #expect(MarkdownLimits.count(1_000) == "1,000")
        #expect(MarkdownLimits.bytes(32 << 20) == "32 MB")
        #expect(MarkdownLimits.bytes(limits.workerBytes(bytes: 400_009)) == "280.4 MB")
        #expect(MarkdownLimits.seconds(1) == "1 s")
        #expect(MarkdownLimits.seconds(limits.parseSeconds(bytes: 983_040)) == "1.47 s")
        #expect(limits.sizeProblem(bytes: limits.noteBytes) == nil)
        #expect(limits.sizeProblem(bytes: limits.noteBytes + 1)?.message == "note is 33,554,433 bytes; a note may hold at most 32 MB")
    }
}

@Suite("The Markdown worker protocol")
struct MarkdownWireTests {
    static let reply = MarkdownWire.Reply(
        output: MarkdownJob.Output(
            rendered: Markdown.Rendered(html: "<h1 id=\"a\">é</h1>\n", links: [
                Markdown.Link(url: "../x/", line: 3, column: 7, isImage: true),
                Markdown.Link(url: "https://example.org", line: 4, column: 1, isImage: false),
                Markdown.Link(url: "../articles/a/#p2", line: 5, column: 2, isImage: false),
                Markdown.Link(url: "../nowhere/x", line: 6, column: 2, isImage: false),
            ], anchors: ["a", "a-2"], depth: 4),
            targets: [SiteLink(page: .file("x"), resolvedPath: "x", fragment: nil), nil,
                      SiteLink(page: ArticlePage.page("a"), resolvedPath: "articles/a", fragment: "p2"),
                      SiteLink(page: nil, resolvedPath: "nowhere/x", fragment: nil)]),
        processorSeconds: 1.25, retiring: true)

    @Test("requests and replies come back as they were sent")
    func roundTrip() throws {
        let request = MarkdownWire.Request(job: MarkdownJob(source: "# é\n\n[x](y)", pageDepth: 2), memoryLimit: 1 << 28, retireAbove: 1 << 27)
        #expect(try MarkdownWire.request(MarkdownWire.encode(request)) == request)
        #expect(try MarkdownWire.reply(MarkdownWire.encode(Self.reply)) == Self.reply)
        #expect(try MarkdownWire.length(Array(MarkdownWire.frame([1, 2, 3]).prefix(8))) == 3)
    }

    @Test("a damaged reply is refused, never a crash or a huge allocation")
    func damaged() {
        let bytes = MarkdownWire.encode(Self.reply)
        for cut in 0..<bytes.count {
            #expect(throws: MarkdownWire.Damaged.self) { try MarkdownWire.reply(Array(bytes[..<cut])) }
        }
        var rng = SeededRandom(state: 2025)
        for _ in 0..<2_000 {
            var damaged = bytes
            let index = Int.random(in: 0..<damaged.count, using: &rng)
            damaged[index] = UInt8.random(in: 0...255, using: &rng)
            _ = try? MarkdownWire.reply(damaged)
            _ = try? MarkdownWire.request(damaged)
        }
        #expect(throws: MarkdownWire.Damaged.self) { try MarkdownWire.length([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) }
        #expect(throws: MarkdownWire.Damaged.self) { try MarkdownWire.request(bytes) }
    }
}
