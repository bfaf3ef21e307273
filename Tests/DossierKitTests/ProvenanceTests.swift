import Foundation
import Testing
@testable import DossierKit

@Suite("Provenance: where an article's outlet, address and dates were found")
struct ProvenanceTests {
    static func read(_ text: String, id: String = "2025-03-17-some-report") -> (Article?, [String]) {
        var log = DiagnosticLog()
        let article = ArticleLoader.load(text, path: "content/articles/\(id).txt", id: id,
                                         matcher: TopicMatcher(topics: []), log: &log)
        return (article, log.sorted.map(\.description))
    }

    /// A story whose byline (left out of the page) gives the outlet and whose opening paragraph gives the date.
    static let scrape = """
    Troops hold the road near the border town
    By Jane Doe
    Northern Courier 5 min read
    As of March 15, 2025, troops held the road to the border town after a week of fighting, officials said.
    A second paragraph says more about the fighting along the road and the villages near it.
    """

    @Test("outlet and date found in the text, with the line, and the paragraph when the line is kept")
    func fromText() throws {
        let (article, _) = Self.read(Self.scrape)
        let found = try #require(article?.provenance)
        #expect(article?.outlet == "Northern Courier")
        #expect(found.outlet == .text(line: 3, paragraph: nil))
        #expect(article?.date == Day(year: 2025, month: 3, day: 15))
        #expect(found.date == .text(line: 4, paragraph: 1))
        #expect(found.url == nil && found.accessed == nil)
        #expect(article?.dateSource == .text)
    }

    @Test("a line kept as a paragraph only after its date marker was cut off gives no paragraph: it no longer shows the date")
    func cutLine() {
        let (article, _) = Self.read("date 2025-03-17 Troops held the road to the border town after a week of fighting, officials said.\n")
        #expect(article?.paragraphs.first?.hasPrefix("Troops held") == true)
        #expect(article?.provenance.date == .text(line: 1, paragraph: nil))
    }

    @Test("lines are counted in the whole file, front matter included")
    func linesAfterFrontMatter() throws {
        let (article, _) = Self.read("---\nsummary: S\n---\n" + Self.scrape)
        #expect(article?.provenance.outlet == .text(line: 6, paragraph: nil))
        #expect(article?.provenance.date == .text(line: 7, paragraph: 1))
    }

    @Test("a date the text does not give comes from the file name")
    func fromFileName() {
        let (article, _) = Self.read("A story with no date in it at all, only a long sentence of text here.\n",
                                     id: "2024-08-09-a-story")
        #expect(article?.date == Day(year: 2024, month: 8, day: 9))
        #expect(article?.provenance.date == .fileName)
        #expect(article?.provenance.outlet == nil)
    }

    @Test("front matter wins, and says on which line each field is")
    func fromFrontMatter() {
        let (article, messages) = Self.read("""
        ---
        outlet: The Example Times
        date: 2025-03-16
        url: https://example.org/news/2025/03/16/road
        accessed: 2025-03-18
        ---
        """ + "\n" + Self.scrape)
        #expect(messages.isEmpty, "\(messages)")
        #expect(article?.outlet == "The Example Times")
        #expect(article?.provenance == ArticleProvenance(outlet: .frontMatter(line: 2), url: .frontMatter(line: 4),
                                                         date: .frontMatter(line: 3), accessed: Day(year: 2025, month: 3, day: 18)))
        #expect(article?.dateSource == .frontMatter)
    }

    @Test("url must be an https address of the report itself, or it is an error at its line", arguments: [
        ("https://www.reuters.com/", "is a site's home page; cite the address of the report itself"),
        ("https://example.org", "is a site's home page; cite the address of the report itself"),
        ("https://example.org/#top", "is a site's home page; cite the address of the report itself"),
        ("http://example.org/news/1", "is not an https:// address"),
        ("javascript:alert(1)", "is not an https:// address"),
        ("https://localhost/x", "has no host name"),
    ])
    func badURL(url: String, problem: String) {
        let (article, messages) = Self.read("---\ntitle: T\nurl: \"\(url)\"\n---\n" + Self.scrape)
        #expect(messages == ["content/articles/2025-03-17-some-report.txt:3:6: error: url '\(url)' \(problem); a source must be the report's own address"])
        #expect(article?.url == nil && article?.provenance.url == nil)
    }

    @Test("accessed must be a date, or it is an error at its line", arguments: ["2025-02-30", "18 March 2025", "[2025-03-18]"])
    func badAccessed(value: String) {
        let (article, messages) = Self.read("---\naccessed: \(value)\n---\n" + Self.scrape)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("content/articles/2025-03-17-some-report.txt:2:11: error: ") == true)
        #expect(article?.provenance.accessed == nil)
    }

    @Test("the page states each fact and where it was found, and says plainly what is missing")
    func page() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/a.txt", Self.scrape)
        try site.write("content/articles/2025-01-02-b.txt", """
        ---
        outlet: Wire & Co
        url: https://example.org/a/b?c=1&d=2
        accessed: 2025-01-03
        ---
        A short report on a quiet day in the region, written in one long sentence for the test.
        """)
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.articles == 2)
        let a = try String(contentsOf: site.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8)
        #expect(a.contains("<h2 id=\"provenance-heading\">About this copy</h2>"))
        #expect(a.contains("<dt>Outlet</dt>\n<dd>Northern Courier <span class=\"found-in\">(in the text, line 3 of the file)</span></dd>"))
        #expect(a.contains("<dt>Original address</dt>\n<dd>original address not recorded</dd>"))
        #expect(a.contains("<dt>Published</dt>\n<dd>15 March 2025 <span class=\"found-in\">(in the text, paragraph 1 (line 4 of the file))</span></dd>"))
        #expect(a.contains("<dt>Retrieved</dt>\n<dd>retrieval date not recorded</dd>"))
        let b = try String(contentsOf: site.output.appendingPathComponent("articles/2025-01-02-b/index.html"), encoding: .utf8)
        #expect(b.contains("<dd>Wire &amp; Co <span class=\"found-in\">(in the front matter, line 2)</span></dd>"))
        #expect(b.contains("<dd><a href=\"https://example.org/a/b?c=1&amp;d=2\" rel=\"noopener noreferrer\">https://example.org/a/b?c=1&amp;d=2</a> <span class=\"found-in\">(in the front matter, line 3)</span></dd>"))
        #expect(b.contains("<dd>2 January 2025 <span class=\"found-in\">(from the file name)</span></dd>"))
        #expect(b.contains("<dd>3 January 2025 <span class=\"found-in\">(in the front matter)</span></dd>"))
    }

    @Test("a warm build after an edit to provenance gives what a cold build gives")
    func warm() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/a.txt", Self.scrape)
        _ = try SiteBuild.run(site: site.site, output: site.output)
        try site.write("content/articles/a.txt", "---\naccessed: 2025-04-01\nurl: https://example.org/x\n---\n" + Self.scrape)
        _ = try SiteBuild.run(site: site.site, output: site.output)
        #expect(manifest(site.output) == (try IncrementalTests.coldBuild(of: site)))
        #expect(try String(contentsOf: site.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8)
            .contains("(in the text, line 7 of the file)"))
    }

    @Test("inspect shows the same provenance, as text and as JSON")
    func inspect() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try folder.write("content/articles/2025-03-17-x.txt", "---\nurl: https://example.org/report/1\naccessed: 2025-03-18\n---\n" + Self.scrape)
        let file = folder.url.appendingPathComponent("content/articles/2025-03-17-x.txt")
        let inspection = try Inspection.inspect(file: file, site: folder.url)
        let text = inspection.text
        #expect(text.contains("date     2025-03-15  [text, p1, line 8]  ← line 8: As of March 15"))
        #expect(text.contains("outlet   Northern Courier  [text, line 7]  ← line 7: Northern Courier 5 min read"))
        #expect(text.contains("url      https://example.org/report/1  [front matter, line 2]\n"))
        #expect(text.contains("accessed 2025-03-18  [front matter]\n"))
        let json = inspection.json
        #expect(json.contains(#""accessed": "2025-03-18", "provenance": {"outlet": {"found_in": "text", "line": 7, "paragraph": null}, "url": {"found_in": "front matter", "line": 2, "paragraph": null}, "date": {"found_in": "text", "line": 8, "paragraph": 1}}"#))
    }
}
