import Foundation
import Testing
@testable import DossierKit

@Suite("Odd but valid input builds")
struct OddInputTests {
    @Test("CRLF line endings and byte order marks, in notes, articles, topics and the territory file")
    func crlfAndBOM() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let bom = "\u{FEFF}"
        try site.write("content/notes/first.md", bom + "---\r\ntitle: First\r\ndate: 2025-01-05\r\ntopics: [Kursk]\r\n---\r\n## Part\r\n\r\nBody [a](../articles/a/#p1)\r\n")
        try site.write("content/topics.yml", bom + "- name: Kursk\r\n  aliases: [Kursk region]\r\n")
        try site.write("content/articles/a.txt", bom + "Headline here\r\nHeadline here\r\nThe Kursk region text is long enough to be a paragraph of an article.\r\n")
        try site.write("content/territory.csv", bom + "date,area_km2,claimant,side,method,source,quote,primary,note\r\n2024-08-12,1000,X,Ukraine,claimed,a,The Kursk region text is long enough,,\"two\r\nlines\"\r\n")
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.notes == 1)
        let note = try String(contentsOf: site.output.appendingPathComponent("notes/first/index.html"), encoding: .utf8)
        #expect(note.contains("<h2 id=\"part\">Part</h2>\n<p>Body <a href=\"../../articles/a/index.html#p1\">a</a></p>"))
        #expect(!note.contains("\r"))
        let article = try String(contentsOf: site.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8)
        #expect(article.contains("<h1>Headline here</h1>"))
    }

    @Test("Unicode file names give pages with Unicode URLs that links reach")
    func unicodeNames() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/Суджа і дрони.md", "---\ntitle: Суджа\ndate: 2025-01-05\n---\nSee [the other](../notes/café-notes/).\n")
        try site.write("content/notes/café notes.md", "---\ntitle: Café\ndate: 2025-01-06\n---\nBack to [Суджа](Суджа%20і%20дрони.md) and [again](../notes/суджа-і-дрони/#nope).\n")
        try site.write("content/articles/статья-1.txt", "---\ntitle: Статья\ndate: 2025-01-02\noutlet: X\n---\nText long enough to be a paragraph about Kursk.\n")
        let result = try Dossier.build(site.site)
        #expect(result.errors.contains("content/notes/café notes.md:5:43: error: link to unknown heading '#nope' of note 'суджа-і-дрони' (it has no headings; the page also has #main)"), "\(result.errors)")
        try site.write("content/notes/café notes.md", "---\ntitle: Café\ndate: 2025-01-06\n---\nBack to [Суджа](Суджа%20і%20дрони.md) and [again](../notes/суджа-і-дрони/).\n")
        #expect(try Dossier.build(site.site).status == 0)
        for page in ["notes/суджа-і-дрони/index.html", "notes/café-notes/index.html", "articles/статья-1/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(page).path), "\(page)")
        }
        #expect(try OutputCrawler(root: site.output).brokenLinks() == [])
    }

    @Test("a 20 MB note builds")
    func hugeNote() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let block = "## Section\n\nA paragraph with *emphasis*, ~~struck~~ text and a [link](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        let count = 20_000_000 / block.utf8.count + 1
        try site.write("content/notes/huge.md", "---\ntitle: Huge\ndate: 2025-01-05\n---\n" + String(repeating: block, count: count))
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.notes == 2)
        let size = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("notes/huge/index.html").path)[.size] as? Int
        #expect((size ?? 0) > 20_000_000)
    }

    @Test("10,000 topics on one note")
    func manyTopics() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let names = (0..<10_000).map { "Topic \($0)" }
        try site.write("content/topics.yml", "- name: Kursk\n" + names.map { "- name: \($0)\n" }.joined())
        try site.write("content/notes/many.md", "---\ntitle: Many\ndate: 2025-01-05\ntopics:\n" + names.map { "  - \($0.lowercased())\n" }.joined() + "---\nBody\n")
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.topics == 10_001)
        let note = try String(contentsOf: site.output.appendingPathComponent("notes/many/index.html"), encoding: .utf8)
        #expect(note.components(separatedBy: "href=\"../../topics/topic-").count == 10_001)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("topics/topic-9999/index.html").path))
    }
}
