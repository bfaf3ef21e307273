import Foundation
import Testing
@testable import DossierKit

/// The figures the check quotes in `body` (a note's Markdown after its front matter), with their line and column.
private func flagged(_ body: String) -> [String] {
    var log = DiagnosticLog()
    UnsourcedFigures.check(body, path: "n.md", firstLine: 1, log: &log)
    return log.items.map { d in
        let figure = d.message.range(of: "' is a figure").map { String(d.message[d.message.index(after: d.message.startIndex)..<$0.lowerBound]) } ?? "?"
        return "\(d.line ?? 0):\(d.column ?? 0) \(figure)"
    }
}

/// Only the quoted figures, for tests about what is found rather than where.
private func figures(_ body: String) -> [String] {
    flagged(body).map { String($0.drop { $0 != " " }.dropFirst()) }
}

@Suite("Unsourced figures: numbers and units")
struct UnsourcedFigureNumberTests {
    @Test("each unit makes a number a figure, after it or written together with it", arguments: FigureWords.units.map {
        String(String.UnicodeScalarView($0))
    })
    func units(_ unit: String) {
        #expect(figures("The count was 12 \(unit) that day.") == ["12 \(unit)"])
        #expect(figures("The count was 12 \(unit.uppercased()) that day.") == ["12 \(unit.uppercased())"])
    }

    @Test("units written together with the number; other words after a number are not units")
    func together() {
        #expect(figures("Up 86% on the week.") == ["86%"])
        #expect(figures("A 10-km stretch and a 5km road.") == ["10-km", "5km"])
        #expect(figures("A 30-day cease-fire for the 3rd brigade and 2 killers.") == [])
        #expect(figures("About 12 kmh or 4 kilometresque.") == [])
    }

    @Test("thousands separators, decimals and the approximate sign belong to the figure")
    func separators() {
        #expect(figures("Kyiv held 1,294 km² then.") == ["1,294 km²"])
        #expect(figures("Kyiv held 1\u{2009}294 km² then.") == ["1\u{2009}294 km²"])
        #expect(figures("Kyiv held 1\u{202F}294 km² then.") == ["1\u{202F}294 km²"])
        #expect(figures("Kyiv held 1\u{00A0}294 km² then.") == ["1\u{00A0}294 km²"])
        #expect(figures("Kyiv held 1,000,000 people and 1.5 km and ~11,000 troops.") == ["1,000,000 people", "1.5 km", "~11,000 troops"])
        #expect(flagged("We saw ~90 troops.") == ["1:8 ~90 troops"])
    }

    @Test("a range is one figure")
    func ranges() {
        #expect(flagged("Monitors put it at 78–110 km² then.") == ["1:20 78–110 km²"])
        #expect(figures("Monitors put it at 78-110 km² then.") == ["78-110 km²"])
        #expect(figures("Monitors put it at ~78 – ~110 km² then.") == ["~78 – ~110 km²"])
    }

    @Test("the unit may follow after at most two words")
    func gap() {
        #expect(flagged("He cited 909 Russian soldiers captured.") == ["1:10 909 Russian soldiers"])
        #expect(flagged("There were about 11,000 North Korean troops.") == ["1:18 11,000 North Korean troops"])
        #expect(figures("There were 11,000 very tired North Korean troops.") == [])
        #expect(figures("It cost 40,000 casualties, 16,000 of them killed.") == ["40,000 casualties", "16,000 of them killed"])
        // Punctuation ends the search: the unit belongs to another number.
        #expect(figures("Of 300, troops took 5.") == [])
    }

    @Test("dates, years and other tokens with digits are not figures unless a unit follows")
    func dates() {
        #expect(figures("On 6 August 2024 Ukrainian troops crossed the border.") == [])
        #expect(figures("On Aug. 12 2024 Ukrainian soldiers and on 12 Aug troops moved.") == [])
        #expect(figures("In 2024 Ukrainian troops crossed; in 2024 people voted.") == ["2024 people"])
        #expect(figures("On 2024-08-06 troops moved, at 16:29 troops, on 04/03/2025 troops, v1.2.3 troops.") == [])
        #expect(figures("An Su-34 and 2 F16 jets; the p6 troops.") == [])
        #expect(figures("On 12 May 1,000 troops left.") == ["1,000 troops"])
    }
}

@Suite("Unsourced figures: sentences, rows and links")
struct UnsourcedFigureSentenceTests {
    @Test("a link in the same sentence sources the figure; one in another sentence does not")
    func sameSentence() {
        #expect(figures("Kyiv held 1,000 km² [says Reuters](https://example.org/a). Later 5 troops left.") == ["5 troops"])
        #expect(figures("See [the report](https://example.org/a). Kyiv held 1,000 km².") == ["1,000 km²"])
        #expect(figures("Kyiv held [1,000 km²](https://example.org/a).") == [])
        #expect(figures("Kyiv held 1,000 km² and\nthen [more](https://example.org/a).") == [])
    }

    @Test("reference links, full, collapsed and shortcut, count when their label is defined")
    func referenceLinks() {
        let definition = "\n\n[reuters]: https://example.org/a\n"
        #expect(figures("Kyiv held 1,000 km² [says Reuters][Reuters]." + definition) == [])
        #expect(figures("Kyiv held 1,000 km² [Reuters][]." + definition) == [])
        #expect(figures("Kyiv held 1,000 km² [REUTERS]." + definition) == [])
        #expect(figures("Kyiv held 1,000 km² [AP]." + definition) == ["1,000 km²"])
        #expect(figures("Kyiv held 1,000 km² [AP][ap]." + definition) == ["1,000 km²"])
        // The definition itself is not prose.
        #expect(figures("Text.\n\n[x]: https://example.org/5-troops \"5 troops\"\n") == [])
    }

    @Test("autolinks and bare URLs are links")
    func autolinks() {
        #expect(figures("Kyiv held 1,000 km² <https://example.org/a>.") == [])
        #expect(figures("Kyiv held 1,000 km² (https://example.org/a).") == [])
        #expect(figures("Kyiv held 1,000 km², see www.example.org/a. Then 5 troops left.") == ["5 troops"])
        #expect(figures("Kyiv held 1,000 km² per thehttps://example.org.") == ["1,000 km²"])
    }

    @Test("a table row is one unit: a link in any cell sources the row, and only that row")
    func tableRows() {
        let table = """
        | Date | Event | Source |
        |---|:---|---|
        | 12 Aug 2024 | Kyiv claims 1,000 km². Then 100 settlements | [Ukrinform](https://example.org/a) |
        | 27 Aug 2024 | Kyiv claims 1,294 km² | Ukrinform |
        """
        #expect(flagged(table) == ["4:29 1,294 km²"])
        var log = DiagnosticLog()
        UnsourcedFigures.check(table, path: "n.md", firstLine: 1, log: &log)
        #expect(log.items.map(\.message) == ["'1,294 km²' is a figure with no source in its row: link the report that gives it, or mark the row <!-- unsourced-ok -->"])
        #expect(log.items.allSatisfy { $0.severity == .warning })
        // A header row is a row too; a blank line ends the table.
        #expect(figures("| 5 troops | b |\n|---|---|\n| c | d |\n\n6 troops.") == ["5 troops", "6 troops"])
    }

    @Test("list items and headings are split into sentences like paragraphs")
    func listsAndHeadings() {
        let body = """
        ## 5 troops lost

        - 6 troops, [sourced](https://example.org/a). And 7 troops, not.
        - 8 troops
          continued [here](https://example.org/b).
        1. 9 troops
        - [ ] 10 troops?

        > Quoted 11 troops. And [12 troops](https://example.org/c).
        """
        #expect(flagged(body) == ["1:4 5 troops", "3:51 7 troops", "6:4 9 troops", "7:7 10 troops", "9:10 11 troops"])
    }

    @Test("code spans, fenced and indented code blocks and raw HTML are ignored")
    func code() {
        let body = """
        The `5 troops` flag and ``6 `troops` `` too.

        ```
        7 troops
        ```

        ~~~~ text
        8 troops
        ~~~~

            9 troops

        <div>
        10 troops
        </div>

        Prose with 11 troops and <!-- 12 troops -->.
        """
        #expect(figures(body) == ["11 troops"])
        // An unclosed fence runs to the end.
        #expect(figures("Start.\n\n```\n5 troops\n") == [])
        // Indented lines inside a list item, or continuing a paragraph, are prose.
        #expect(figures("- item\n\n    5 troops.\n\nText\n    6 troops.") == ["5 troops", "6 troops"])
    }

    @Test("abbreviations, numbers and links do not end sentences; ! ? and closing quotes do")
    func boundaries() {
        let link = "[src](https://example.org/a)"
        for text in ["Gen. Valery said 5 troops \(link).", "The U.S. Army had 5 troops \(link).",
                     "Some, e.g. Kyiv, had 5 troops \(link).", "Mr. Smith vs. Mrs. Jones: 5 troops \(link).",
                     "It took 1.5 km \(link). Then more.", "[Gen. Smith. Said 5 troops.](https://example.org/a) Then 6 troops \(link)."] {
            #expect(figures(text) == [], "\(text)")
        }
        #expect(figures("Really 5 troops! \(link) Yes.") == ["5 troops"])
        #expect(figures("Really 5 troops?\" \(link) Yes.") == ["5 troops"])
        #expect(figures("It had 5 troops.) (\(link))") == ["5 troops"])
        #expect(figures("It had 5 troops. 6 more \(link).") == ["5 troops"])
        // No capital after the space: the sentence goes on.
        #expect(figures("It had 5 troops. then \(link).") == [])
    }

    @Test("the marker exempts its sentence or row, and only that")
    func marker() {
        #expect(figures("Kyiv held 1,000 km². <!-- unsourced-ok --> Then 5 troops left.") == ["5 troops"])
        #expect(figures("Kyiv held 1,000 km² <!--unsourced-ok-->. Then 5 troops left.") == ["5 troops"])
        #expect(figures("Kyiv held 1,000 km².\n<!-- Unsourced-OK -->\n\nThen 5 troops left.") == ["5 troops"])
        // A line that starts with a comment is an HTML block: cmark leaves it out of the page, text and all.
        #expect(figures("<!-- unsourced-ok --> Kyiv held 1,000 km². Then 5 troops left.") == [])
        #expect(figures("| 1,000 km² <!-- unsourced-ok --> | x |\n|---|---|\n| 5 troops | y |") == ["5 troops"])
        #expect(figures("Kyiv held 1,000 km² `<!-- unsourced-ok -->`.") == ["1,000 km²"])
        #expect(figures("Kyiv held 1,000 km² <!-- unsourced -->.") == ["1,000 km²"])
    }

    @Test("positions are the file's lines and columns in characters, after front matter")
    func positions() throws {
        let text = "---\ntitle: T\ndate: 2025-01-01\nsummary: 5 troops\n---\nПерший абзац: «Сирський» — 1,000 km².\n\nA line\nthen 5 troops.\n"
        var log = DiagnosticLog()
        _ = NoteLoader.load(text, path: "content/notes/x.md", stem: "x", log: &log)
        #expect(log.items.map(\.description) == [
            "content/notes/x.md:6:28: warning: '1,000 km²' is a figure with no source in its sentence: link the report that gives it, or mark the sentence <!-- unsourced-ok -->",
            "content/notes/x.md:9:6: warning: '5 troops' is a figure with no source in its sentence: link the report that gives it, or mark the sentence <!-- unsourced-ok -->",
        ])
        // Combining marks are characters of their own, as the other diagnostics count them (LineIndex).
        #expect(flagged("Cafe\u{301} had 5 troops.") == ["1:11 5 troops"])
        #expect(flagged("x\n\n 👍 5 troops") == ["3:4 5 troops"])
    }

    @Test("a figure split over lines is quoted on one")
    func acrossLines() {
        #expect(flagged("Kyiv held about 1,000\nsquare   kilometres then.") == ["1:17 1,000 square kilometres"])
    }
}

@Suite("Unsourced figures: hostile input")
struct UnsourcedFigureHostileTests {
    @Test("large notes of one repeated pattern are checked in linear time", arguments: [
        "1", "1,000", "[", "]", "](", "[a](", "![", "<!--", "<a:", "`", "``` ", "(", ". ", "Gen. ", "1 a ", "1 a b c ", "9 km² ",
        "www.", "https://", "-1", "1–", "~", "[x][", "> ", "- ", "| ", "\\", "a.\u{2009}", "1\u{2009}",
    ])
    func linear(pattern: String) {
        let repeats = max(1, 1_000_000 / pattern.utf8.count)
        let body = String(repeating: pattern, count: repeats)
        let varied = (0..<2000).map { String(repeating: "`", count: $0 % 50 + 1) + "x" }.joined()
        // A watchdog against a hang, not a speed target.
        _ = finishes(within: 30) {
            var log = DiagnosticLog()
            UnsourcedFigures.check(body, path: "n.md", firstLine: 1, log: &log)
            UnsourcedFigures.check(varied + body, path: "n.md", firstLine: 1, log: &log)
        }
    }

    @Test("a definition makes every bracket a possible reference, still in linear time")
    func manyBrackets() {
        let body = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n\n[a]: https://example.org/a\n"
        _ = finishes(within: 30) {
            var log = DiagnosticLog()
            UnsourcedFigures.check(body, path: "n.md", firstLine: 1, log: &log)
        }
    }
}

@Suite("Unsourced figures: end to end")
struct UnsourcedFigureBuildTests {
    static let note = """
    ---
    title: Figures
    date: 2025-01-06
    topics: [Kursk]
    ---
    Kyiv claimed about 1,000 km². [Reuters](https://example.org/a) gave 5 troops.

    Gerasimov spoke of 86%. <!-- unsourced-ok -->

    """

    @Test("the build prints each unsourced figure as a warning, succeeds, and keeps the marker off the page")
    func build() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/figures.md", Self.note)
        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        let warnings = result.errors.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings == [
            "content/notes/figures.md:6:20: warning: '1,000 km²' is a figure with no source in its sentence: link the report that gives it, or mark the sentence <!-- unsourced-ok -->",
        ])
        let page = try site.folder.read("site/public/notes/figures/index.html")
        #expect(page.contains("Gerasimov spoke of 86%."))
        #expect(!page.contains("unsourced-ok"))
    }

    @Test("a warm build, which reads the note from the cache, reports the same warnings as a cold one")
    func warm() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/figures.md", Self.note)
        let cold = try SiteBuild.run(site: site.site, output: site.output)
        #expect(cold.warnings.contains { $0.message.hasPrefix("'1,000 km²'") })
        // Another note changes: this one is reused from `.dossier-cache`, not parsed again.
        try site.write("content/notes/other.md", "---\ntitle: Other\ndate: 2025-01-07\n---\nNo figures.\n")
        let warm = try SiteBuild.run(site: site.site, output: site.output)
        #expect(warm.warnings == cold.warnings)
        let unchanged = try SiteBuild.run(site: site.site, output: site.output)
        #expect(unchanged.written == 0)
        #expect(unchanged.warnings == cold.warnings)
    }
}
