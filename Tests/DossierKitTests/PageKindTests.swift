import Foundation
import Testing
@testable import DossierKit

@Suite("Page kinds: routes, codes, keys and anchors come from one list")
struct PageKindTests {
    /// One page of every kind, with a key a site could have.
    static let samples: [SitePage] = PageKinds.all.map { kind in
        SitePage(kind: kind.name, key: kind is any SinglePageKind.Type ? "" : "some-key")
    } + [.file("data/territory.csv"), .file("assets/style.css")]

    @Test("every page's code reads back as the same page; unknown kinds do not")
    func codes() {
        for page in Self.samples { #expect(PageCode.decode(PageCode.encode(page)) == page, "\(page)") }
        #expect(PageCode.decode("nosuchkind:x") == nil)
        #expect(PageCode.decode("home") == nil)
    }

    @Test("every page's path is a link that resolves to the page, from the root and from a note")
    func routes() {
        for page in Self.samples {
            let folder = page.path.hasSuffix("/index.html") ? String(page.path.dropLast(10)) : page.path
            #expect(SiteLink.resolve("/" + folder, inFolder: "notes")?.page == page, "\(page.path)")
            #expect(SiteLink.resolve("../" + page.path, inFolder: "notes")?.page == page, "\(page.path)")
        }
        #expect(Set(Self.samples.map(\.path)).count == Self.samples.count, "two kinds share a path")
    }

    @Test("a page's key is the hash of its value: any change to a value changes it, HTML counts by its hash")
    func keys() {
        func map(_ pairs: [(String, TemplateValue)]) -> TemplateValue {
            var map = TemplateMap()
            for (key, value) in pairs { map.append(key, value) }
            return .map(map)
        }
        let values: [TemplateValue] = [
            .text(""), .text("a"), .number(0), .number(1), .flag(true), .flag(false), .null, .list([]), .list([.null]),
            .list([.text("a"), .text("b")]), .list([.text("ab")]), map([]), map([("a", .null)]), map([("b", .null)]),
            map([("a", .text("b"))]), map([("ab", .text(""))]), .html("<p>x</p>"), .text("<p>x</p>"),
        ]
        let hashes = values.map { $0.hash(prefix: "note:x") }
        #expect(Set(hashes).count == values.count, "two different values gave one key")
        #expect(values[1].hash(prefix: "note:y") != hashes[1], "the page's code is part of its key")
        let body = "<p>Body</p>\n"
        #expect(TemplateValue.body(NoteBodyRef(slug: "x", hash: ContentHash(body))).hash(prefix: "") == TemplateValue.html(body).hash(prefix: ""),
                "a body not yet read hashes as the body itself")
    }

    @Test("a context's optional value that is absent renders as nothing and hides the same name further out")
    func absentValues() throws {
        struct Inner: Codable { var date: String? }
        struct Outer: Codable { var date: String; var items: [Inner] }
        let value = TemplateEncoder.encode(Outer(date: "outer", items: [Inner(date: nil), Inner(date: "inner")]))
        let library = MustacheLibraryForTests()
        let text = try library.render("{{#items}}[{{#date}}{{.}}{{/date}}{{^date}}none{{/date}}]{{/items}}", value)
        #expect(text == "[none][inner]")
    }

    @Test("the schema of a context lists its names at every depth and which hold HTML")
    func schemas() throws {
        let note = try #require(PageRenderer.schemas["note"])
        #expect(note.names.isSuperset(of: ["title", "date", "iso", "display", "body", "sources", "href", "pageTitle", "nav", "site", "label"]))
        // Every page's policy is the build's own text, written as it is.
        #expect(Set(note.html) == ["csp", "body"])
        #expect(Set(try #require(PageRenderer.schemas["territory"]).html) == ["csp", "chart", "chartNarrow", "swatch"])
        #expect(try #require(PageRenderer.schemas["home"]).html == ["csp"])
        // Two kinds of one name would share a template and page codes; the schemas' dictionary would hide it.
        #expect(Set(PageKinds.all.map { $0.name }).count == PageKinds.all.count)
    }
}

/// swift-mustache with the build's escaping, for rendering a value in a test.
struct MustacheLibraryForTests {
    func render(_ template: String, _ value: TemplateValue) throws -> String {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try folder.write("t.mustache", template)
        var log = DiagnosticLog()
        guard let templates = Templates.load(from: folder.url, site: SiteFiles(site: folder.url), log: &log) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return try templates.render(value, with: "t")
    }
}

@Suite("Page kinds in a build: optional parts, navigation, anchors the templates write, typed templates")
struct PageKindBuildTests {
    @Test("a site without content/territory.csv has no territory page, data files, nav entry or template")
    func withoutTerritory() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/territory.csv"))
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("templates/territory.mustache"))
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("territory").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("data").path))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("territory/index.html"))
        #expect(home.contains("<a href=\"notes/index.html\">Notes</a>"))
        #expect(home.contains("<a href=\"index.html\" aria-current=\"page\">Overview</a>"))

        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nSee [the figures](/territory/#series).\n")
        let refused = try Dossier.build(site.site)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("content/notes/second.md:5:5: error: link to 'territory', a page of the territory part, which this site does not have (no content/territory.csv)"), "\(refused.errors)")
    }

    @Test("a link may name an id its template writes, where the page's values show it")
    func templateAnchors() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\nsources: [a]\n---\nSee [the table](/territory/#series), [its sources](first.md#sources-heading), [these](#x) and [ours](second.md#sources-heading).\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        // `first` cites nothing, so its page has no Sources section; `second` does, and the territory page has a table.
        #expect(result.errors.split(separator: "\n").filter { $0.contains("error:") } == [
            "content/notes/second.md:6:38: error: link to unknown heading '#sources-heading' of note 'first' (it has #section-one; the page also has #main)",
        ], "\(result.errors)")
    }

    @Test("a template that writes text unescaped is an error at its place")
    func unescapedText() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("templates/note.mustache", "{{<base}}{{$main}}\n<h1>{{{title}}}</h1>\n{{{body}}}{{&summary}}\n{{/main}}{{/base}}")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("templates/note.mustache:2:5: error: 'title' is written unescaped, but it is text, not HTML the build made; write {{title}} (unescaped values: body, csp)"), "\(result.errors)")
        #expect(result.errors.contains("templates/note.mustache:3:11: error: 'summary' is written unescaped"), "\(result.errors)")
    }

    @Test("the indexes of notes and of articles by month list every one, undated articles last")
    func indexes() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2024-12-30\noutlet: Y\n---\nAnother text about the Kursk region, long enough.\n")
        try site.write("content/articles/c.txt", "---\ntitle: C\ndate: 2025-01-20\n---\nA third text about the Kursk region, long enough.\n")
        try site.write("content/articles/undated.txt", "---\ntitle: U\n---\nA text with no date about the Kursk region, long enough.\n")
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nSee [January](../articles/index.html#2025-01) and [all notes](../notes/).\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        let articles = try String(contentsOf: site.output.appendingPathComponent("articles/index.html"), encoding: .utf8)
        let order = ["id=\"2025-01\"", "href=\"../articles/c/index.html\"", "href=\"../articles/a/index.html\"",
                     "id=\"2024-12\"", "href=\"../articles/b/index.html\"", "id=\"undated\"", "href=\"../articles/undated/index.html\""]
        let positions = order.compactMap { articles.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "\(articles)")
        let notes = try String(contentsOf: site.output.appendingPathComponent("notes/index.html"), encoding: .utf8)
        #expect(notes.contains("<a href=\"../notes/second/index.html\">Second</a>"))
        #expect(notes.contains("<a href=\"../notes/first/index.html\">First</a>"))
        #expect(notes.contains("<a href=\"../notes/index.html\" aria-current=\"page\">Notes</a>"))

        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nSee [March](../articles/index.html#2025-03).\n")
        let refused = try Dossier.build(site.site)
        #expect(refused.errors.contains("link to unknown month '#2025-03' of the articles page (it has #2024-12, #2025-01, #undated; the page also has #main)"), "\(refused.errors)")
    }

    @Test("a source article without a date shows no date, not the note's")
    func undatedSource() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/undated.txt", "---\ntitle: U\n---\nA text with no date about the Kursk region, long enough.\n")
        try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\nsources: [undated]\n---\nBody\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        let page = try String(contentsOf: site.output.appendingPathComponent("notes/first/index.html"), encoding: .utf8)
        let sources = try #require(page.range(of: "id=\"sources-heading\"").map { String(page[$0.lowerBound...]) })
        #expect(sources.contains(">U</a>"))
        #expect(!sources.contains("<time"), "\(sources)")
    }
}
