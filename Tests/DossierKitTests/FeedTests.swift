import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierKit

/// The elements and attributes of an XML document, read by Foundation's parser: `nil` when it is not well-formed.
final class XMLOutline: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String; var parent: String? }
    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> XMLOutline? {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = outline
        return parser.parse() ? outline : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: "", parent: open.last.map { elements[$0].name }))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    /// The text of each `name` element whose parent is `parent`, in order.
    func texts(_ name: String, in parent: String) -> [String] {
        elements.filter { $0.name == name && $0.parent == parent }.map(\.text)
    }
}

@Suite("Feed, sitemap, robots.txt and page metadata")
struct FeedTests {
    static let base = "https://example.org/briefing/"

    /// A small site published at `base`, with a hostile note title and outlet, an undated article and a month-dated note.
    static func site(config: String? = "title: \"A & B <dossier>\"\ndescription: Notes & <things>\nbase_url: https://example.org/briefing\n") throws -> SmallSite {
        let site = try SmallSite()
        if let config { try site.write("site.yml", config) }
        try site.write("content/notes/hostile.md", "---\ntitle: \"<script>alert('x')</script> & \\\"quotes\\\" \\u0001 ]]>\"\ndate: 2025-02-10\nsummary: \"Less < more & so on\"\n---\nBody\n")
        try site.write("content/notes/monthly.md", "---\ntitle: Monthly\ndate: 2024-11-03\n---\nBody\n")
        try site.write("content/articles/b.txt", "---\ntitle: \"B's <headline>\"\ndate: 2025-01-20\noutlet: \"Outlet & Co <x>\"\n---\nSome text about the Kursk region, long enough to list.\n")
        try site.write("content/articles/undated.txt", "---\ntitle: Undated\noutlet: Y\n---\nSome text about the Kursk region without a date.\n")
        return site
    }

    @Test("XML text: the five special characters as entities, characters XML cannot hold dropped")
    func escaping() {
        #expect(XMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
        #expect(XMLText.escape("x\u{1}y\u{B}z\u{FFFE}\tok\n") == "xyz\tok\n")
        #expect(XMLText.escape("Зеленський 🙂") == "Зеленський 🙂")
    }

    @Test("absolute addresses: a folder's index.html left off, bytes outside ASCII's unreserved characters encoded")
    func addresses() {
        #expect(SiteURL.absolute("index.html", base: Self.base) == Self.base)
        #expect(SiteURL.absolute("notes/a-b/index.html", base: Self.base) == Self.base + "notes/a-b/")
        #expect(SiteURL.absolute("feed.xml", base: Self.base) == Self.base + "feed.xml")
        #expect(SiteURL.absolute("topics/суджа/index.html", base: Self.base) == Self.base + "topics/%D1%81%D1%83%D0%B4%D0%B6%D0%B0/")
        #expect(SiteURL.absolute("notes/a b&c/index.html", base: Self.base) == Self.base + "notes/a%20b%26c/")
    }

    @Test("dates: RFC 3339 at midnight UTC, a month as its first day, none as the epoch")
    func timestamps() {
        #expect(AtomFeed.timestamp(Day(year: 2025, month: 3, day: 7)) == "2025-03-07T00:00:00Z")
        #expect(AtomFeed.timestamp(Day(year: 2024, month: 10, day: nil)) == "2024-10-01T00:00:00Z")
        #expect(AtomFeed.timestamp(nil) == "1970-01-01T00:00:00Z")
    }

    @Test("the feed: well-formed whatever the titles, newest first, absolute links, authors, summaries, dated by its newest entry")
    func feed() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(!report.warnings.contains { $0.message.contains("base_url") })
        let text = try String(contentsOf: site.output.appendingPathComponent("feed.xml"), encoding: .utf8)
        let feed = try #require(XMLOutline.parse(text), "feed.xml is not well-formed XML:\n\(text)")
        #expect(feed.elements.first?.name == "feed")
        #expect(feed.elements.first?.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.texts("title", in: "feed") == ["A & B <dossier>"])
        let titles = feed.texts("title", in: "entry")
        // Newest first; the undated article has no date for `updated` and is left out.
        #expect(titles == ["<script>alert('x')</script> & \"quotes\"  ]]>", "B's <headline>", "First", "A", "Monthly"])
        #expect(feed.texts("updated", in: "entry") == ["2025-02-10T00:00:00Z", "2025-01-20T00:00:00Z", "2025-01-05T00:00:00Z",
                                                       "2025-01-01T00:00:00Z", "2024-11-03T00:00:00Z"])
        #expect(feed.texts("updated", in: "feed") == ["2025-02-10T00:00:00Z"])
        #expect(feed.texts("id", in: "feed") == [Self.base + "feed.xml"])
        let links = feed.elements.filter { $0.name == "link" && $0.parent == "entry" }.compactMap { $0.attributes["href"] }
        #expect(links == [Self.base + "notes/hostile/", Self.base + "articles/b/", Self.base + "notes/first/",
                          Self.base + "articles/a/", Self.base + "notes/monthly/"])
        #expect(feed.texts("id", in: "entry") == links)
        #expect(feed.texts("name", in: "author") == ["A & B <dossier>", "A & B <dossier>", "Outlet & Co <x>", "A & B <dossier>", "X", "A & B <dossier>"])
        #expect(feed.texts("summary", in: "entry").first == "Less < more & so on")
        #expect(feed.elements.contains { $0.name == "category" && $0.attributes["term"] == "kursk" && $0.attributes["label"] == "Kursk" })
    }

    @Test("the sitemap lists every page once, absolute; robots.txt points at it")
    func sitemap() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let text = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let sitemap = try #require(XMLOutline.parse(text))
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { $0.hasSuffix(".html") }.map { SiteURL.absolute($0, base: Self.base) }
        let listed = sitemap.texts("loc", in: "url")
        #expect(listed.count == Set(listed).count)
        #expect(Set(listed) == Set(pages))
        #expect(listed.first == Self.base)
        let robots = try String(contentsOf: site.output.appendingPathComponent("robots.txt"), encoding: .utf8)
        #expect(robots.contains("\nSitemap: \(Self.base)sitemap.xml\n"))
    }

    @Test("every page's head: canonical link and og:url to itself, the feed, a description and Open Graph title, escaped")
    func pageHeads() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { $0.hasSuffix(".html") }
        #expect(paths.count > 5)
        for path in paths {
            let html = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            let url = SiteURL.absolute(path, base: Self.base)
            let depth = path.split(separator: "/").count - 1
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:url\" content=\"\(url)\">"), "\(path)")
            #expect(html.contains("type=\"application/atom+xml\" title=\"A &amp; B &lt;dossier&gt;\" href=\"\(String(repeating: "../", count: depth))feed.xml\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:title\" content=\""), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(!html.contains("<script>"), "\(path)")
        }
        let note = try site.folder.read("site/public/notes/hostile/index.html")
        #expect(note.contains("<meta name=\"description\" content=\"Less &lt; more &amp; so on\">"))
        #expect(note.contains("<meta property=\"og:title\" content=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(note.contains("<meta property=\"og:type\" content=\"article\">"))
        let home = try site.folder.read("site/public/index.html")
        #expect(home.contains("<meta name=\"description\" content=\"Notes &amp; &lt;things&gt;\">"))
        #expect(home.contains("<meta property=\"og:type\" content=\"website\">"))
    }

    @Test("no base URL in site.yml: no feed, sitemap, robots.txt or canonical link, and one warning saying why")
    func noBaseURL() throws {
        let site = try Self.site(config: "title: T\ndescription: |-\n  About\n  this site.\n")
        defer { site.folder.cleanUp() }
        let report = try SiteBuild.run(site: site.site, output: site.output)
        let said = report.warnings.filter { $0.message.contains("base_url") }
        #expect(said.map(\.description) == ["site.yml: warning: " + FeedPart.noBaseURL])
        for file in ["feed.xml", "sitemap.xml", "robots.txt"] { #expect(!site.folder.exists("site/public/" + file), "\(file)") }
        let home = try site.folder.read("site/public/index.html")
        #expect(!home.contains("rel=\"canonical\"") && !home.contains("og:url") && !home.contains("application/atom+xml"))
        #expect(home.contains("<meta name=\"description\" content=\"About this site.\">"))
        // The same warning again on a build with nothing to do.
        let again = try SiteBuild.run(site: site.site, output: site.output)
        #expect(again.warnings.filter { $0.message.contains("base_url") } == said)
    }

    @Test("the part switched off, or no site.yml at all: no feed and no warning")
    func switchedOff() throws {
        for config in ["title: T\nbase_url: https://example.org/\nparts: {feed: false}\n", nil] {
            let site = try Self.site(config: config)
            defer { site.folder.cleanUp() }
            let report = try SiteBuild.run(site: site.site, output: site.output)
            #expect(!report.warnings.contains { $0.message.contains("base_url") }, "\(config ?? "no site.yml")")
            #expect(!site.folder.exists("site/public/feed.xml") && !site.folder.exists("site/public/sitemap.xml"))
        }
    }

    @Test("the part switched on without a base URL is an error at the switch")
    func switchedOnWithoutBase() throws {
        let site = try Self.site(config: "title: T\nparts: {feed: true}\n")
        defer { site.folder.cleanUp() }
        #expect(throws: BuildFailed.self) { try SiteBuild.run(site: site.site, output: site.output) }
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("site.yml:2:9: error: part 'feed' is switched on, but base_url in site.yml does not exist"))
    }

    @Test("the feed keeps only the newest entries, and its bytes do not depend on file order or time zone")
    func limitAndDeterminism() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        for n in 1...(AtomFeed.limit + 5) {
            let day = (n % 28) + 1
            try site.write("content/notes/n\(n).md", "---\ntitle: Note \(n)\ndate: 2023-\(n % 12 + 1 < 10 ? "0" : "")\(n % 12 + 1)-\(day < 10 ? "0" : "")\(day)\n---\nBody\n")
        }
        let first = try Dossier.build(site.site, environment: ["TZ": "Pacific/Kiritimati", "LANG": "C"])
        #expect(first.status == 0)
        let feed = try site.folder.read("site/public/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == AtomFeed.limit)
        try FileManager.default.removeItem(at: site.output)
        try? FileManager.default.removeItem(at: site.site.appendingPathComponent(".dossier-cache"))
        let second = try Dossier.build(site.site, environment: ["TZ": "America/Adak", "LANG": "uk_UA.UTF-8"])
        #expect(second.status == 0)
        #expect(try site.folder.read("site/public/feed.xml") == feed)
    }

    @Test("a note may link to the feed and the sitemap when the site writes them, and only then")
    func linksToFeed() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/subscribe.md", "---\ntitle: S\ndate: 2025-01-01\n---\n[feed](/feed.xml) [map](../sitemap.xml)\n")
        #expect(try Dossier.build(site.site).status == 0)
        try site.write("site.yml", "title: T\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/notes/subscribe.md:5:1: error: link to 'feed.xml', which the build does not write"))
        #expect(result.errors.contains("content/notes/subscribe.md:5:19: error: link to 'sitemap.xml', which the build does not write"))
    }
}
