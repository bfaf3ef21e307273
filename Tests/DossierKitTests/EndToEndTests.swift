import Foundation
import Testing
@testable import DossierKit

@Suite("End to end: the dossier")
struct DossierSiteTests {
    /// Builds the repository's own content and templates into a temporary folder.
    static func build() throws -> (TempFolder, BuildReport) {
        let folder = try TempFolder()
        let report = try SiteBuild.run(site: Repo.root, output: folder.url.appendingPathComponent("public"))
        return (folder, report)
    }

    @Test("the whole dossier builds, and every internal link resolves")
    func builds() throws {
        let (folder, report) = try Self.build()
        defer { folder.cleanUp() }
        #expect(report.articles == 5)
        #expect(report.notes >= 6 && report.notes + report.drafts >= 7)
        #expect(report.topics >= 12)
        #expect(report.warnings.filter { $0.severity == .error }.isEmpty)
        let crawler = OutputCrawler(root: folder.url.appendingPathComponent("public"))
        #expect(try crawler.brokenLinks() == [])
        for page in ["index.html", "topics/index.html", "territory/index.html", "assets/style.css",
                     "articles/2025-03-17-kursk-operation-over/index.html", "timeline/index.html", "timeline/kursk/index.html",
                     "topics/zelensky/index.html"] {
            #expect(folder.exists("public/\(page)"), "\(page)")
        }
    }

    @Test("each article page has its headline, date and outlet, and a clean body with anchors", arguments: [
        ("2025-03-17-kursk-operation-over", "Kursk operation &quot;essentially over&quot; as Russia retakes its territory", "2025-03-17"),
        ("2025-02-06-new-ukrainian-push-in-kursk", "Moscow reports a new Ukrainian push in Kursk six months into the incursion", "2025-02-06"),
        ("2025-03-13-russia-offensive-in-kursk-intensifies", "Kursk Conflict: Russia&#39;s Offensive on Ukrainian Forces Intensifies", "2025-03-13"),
        ("2025-04-27-putin-hails-kursk-victory", "Putin Hails Kursk ‘Victory’ As Zelenskyy Vows Fierce Resistance Continues", "2025-04-27"),
        ("2025-08-12-putin-races-to-seize-land", "Putin races to seize Ukrainian land before Trump talks", "2025-08-12"),
    ])
    func articlePages(id: String, headline: String, date: String) throws {
        let (folder, _) = try Self.build()
        defer { folder.cleanUp() }
        let html = try folder.read("public/articles/\(id)/index.html")
        #expect(html.contains("<h1>\(headline)</h1>"))
        #expect(html.contains("<time datetime=\"\(date)\">"))
        #expect(html.contains("<p id=\"p1\">"))
        #expect(!html.contains("Scroll to continue"))
        #expect(!html.contains("Related Articles"))
        #expect(!html.contains("Show more"))
        #expect(html.contains("Notes that cite this article"))
    }

    @Test("the Zelensky topic lists every article that names him, whatever the spelling")
    func zelensky() throws {
        let (folder, _) = try Self.build()
        defer { folder.cleanUp() }
        let html = try folder.read("public/topics/zelensky/index.html")
        for name in try SeedTests.articleFiles() {
            #expect(html.contains("../../articles/\(name.dropLast(4))/index.html"), "\(name)")
        }
    }

    @Test("a note's body is exactly cmark-gfm's rendering of it")
    func noteBody() throws {
        // The editors' guide (code blocks, lists, tables of front matter; no site links, which the build rewrites) is
        // a draft in the dossier: it is published here, in a site of its own.
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let source = try Repo.text("content/notes/editors-guide.md")
        let body = String(source.split(separator: "\n---\n", maxSplits: 1)[1])
        try site.write("content/notes/guide.md", "---\ntitle: Guide\ndate: 2025-01-01\n---\n" + body)
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let page = try String(contentsOf: site.output.appendingPathComponent("notes/guide/index.html"), encoding: .utf8)
        let expected = try MarkdownTests.cli(body)
        #expect(MarkdownTests.withoutHeadingIDs(page).contains("<div class=\"body\">\n\(expected)\n</div>"))
    }

    @Test("the editors' guide is a draft: no page, not on the home page")
    func guideIsDraft() throws {
        let (folder, report) = try Self.build()
        defer { folder.cleanUp() }
        #expect(report.drafts >= 1)
        #expect(!folder.exists("public/notes/editors-guide/index.html"))
        #expect(!(try folder.read("public/index.html")).contains("A guide for editors"))
    }

    @Test("every page is an HTML5 document with lang, a title, one h1 and a CSP, linking relatively")
    func pagesAreWellFormed() throws {
        let (folder, _) = try Self.build()
        defer { folder.cleanUp() }
        let crawler = OutputCrawler(root: folder.url.appendingPathComponent("public"))
        for page in crawler.htmlFiles() {
            let html = try folder.read("public/\(page)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(page)")
            let head = html.components(separatedBy: "</head>")[0]
            #expect(OutputCrawler.matches("<title>([^<]+)</title>", in: head).count == 1, "\(page)")
            #expect(OutputCrawler.matches("<h1[^>]*>(.*?)</h1>", in: html).count == 1, "\(page)")
            #expect(html.contains("Content-Security-Policy"), "\(page)")
            #expect(!html.contains("<script") || page == "search/index.html", "\(page): only the search page loads a script")
            for link in OutputCrawler.matches(#"\s(?:href|src)="(/[^"]*)""#, in: html) {
                Issue.record("\(page) links to the server root: \(link)")
            }
        }
    }
}

@Suite("End to end: a fixture site")
struct FixtureSiteTests {
    static func makeSite() throws -> TempFolder {
        let folder = try TempFolder()
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("templates"),
                                         to: folder.url.appendingPathComponent("templates"))
        try folder.write("content/topics.yml", """
        - name: Kursk
          aliases: [Kursk incursion]
        - name: Volodymyr Zelensky
          slug: zelensky
          aliases: [Zelenskyy, Selensky]
        """)
        try folder.write("content/articles/2025-01-02-a.txt", """
        • Home/
        logo
        Ukraine holds the line
        Ukraine holds the line
        Outlet Times2 hours ago
        President Selensky said the troops in Kursk are holding the line after a week of attacks.
        Advertisement · Scroll to continue
        A second paragraph with more detail about the fighting near the border.
        """)
        try folder.write("content/articles/2025-01-01-b.txt", """
        ---
        title: An older story
        date: 2025-01-01
        outlet: Wire
        url: https://example.org/b
        ---
        A story about something else entirely, with no topic named in it at all.
        """)
        try folder.write("content/notes/first.md", """
        ---
        title: First <note>
        date: 2025-01-05
        topics: [kursk, zelenskyy]
        sources: [2025-01-02-a]
        ---
        See [the article](../articles/2025-01-02-a/#p2) and [the other note](second.md).
        """)
        try folder.write("content/notes/second.md", """
        ---
        title: Second note
        date: 2025-01-06
        topics: [Kursk]
        slug: second
        ---
        Back to [the first](../notes/first/) and the [topic](/topics/kursk/).
        """)
        return folder
    }

    @Test("pages, topics, citations and links come out as written")
    func build() throws {
        let folder = try Self.makeSite()
        defer { folder.cleanUp() }
        let report = try SiteBuild.run(site: folder.url, output: folder.url.appendingPathComponent("public"))
        // Two notes, two articles, two topics, the topic index, the home page, the indexes of notes and articles, the
        // briefing, the search page, the timeline and the timelines of both topics (the dated article names them);
        // no territory page, since the site has no content/territory.csv.
        #expect(report.pages == 15)
        let article = try folder.read("public/articles/2025-01-02-a/index.html")
        #expect(article.contains("<h1>Ukraine holds the line</h1>"))
        #expect(article.contains("<span class=\"outlet\">Outlet Times</span>"))
        #expect(!article.contains("Scroll to continue"))
        // The text gives no date: the file name's does, and the page says where it came from.
        #expect(article.contains("<time datetime=\"2025-01-02\">2 January 2025</time> <span class=\"date-source\">(date from the file name)</span>"))
        #expect(article.contains("../../notes/first/index.html"))
        #expect(!report.warnings.map(\.description).contains { $0.contains("2025-01-02-a.txt: warning: no date") })

        let note = try folder.read("public/notes/first/index.html")
        #expect(note.contains("<h1>First &lt;note&gt;</h1>"))
        #expect(note.contains("<a href=\"../../articles/2025-01-02-a/index.html#p2\">the article</a>"))
        #expect(note.contains("<a href=\"../../notes/second/index.html\">the other note</a>"))
        let second = try folder.read("public/notes/second/index.html")
        #expect(second.contains("<a href=\"../../topics/kursk/index.html\">topic</a>"))

        let zelensky = try folder.read("public/topics/zelensky/index.html")
        #expect(zelensky.contains("../../articles/2025-01-02-a/index.html"))
        #expect(zelensky.contains("../../notes/first/index.html"))
        #expect(!zelensky.contains("2025-01-01-b"))
        let kursk = try folder.read("public/topics/kursk/index.html")
        let order = ["notes/second/", "notes/first/", "articles/2025-01-02-a/"].map { kursk.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(try OutputCrawler(root: folder.url.appendingPathComponent("public")).brokenLinks() == [])
    }

    @Test("errors name file, line and column; all are reported; the old output stays")
    func errors() throws {
        let folder = try Self.makeSite()
        defer { folder.cleanUp() }
        let output = folder.url.appendingPathComponent("public")
        _ = try SiteBuild.run(site: folder.url, output: output)
        let before = try folder.read("public/index.html")
        try folder.write("content/notes/bad.md", """
        ---
        title: Bad
        date: 2025-02-30
        topics: [Kursk incursoin, Zelensky]
        sources: [no-such-article]
        ---
        A [broken link](../articles/missing/) and [a bad anchor](../articles/2025-01-02-a/#p99).
        """)
        let error = #expect(throws: BuildFailed.self) { try SiteBuild.run(site: folder.url, output: output) }
        let messages = error?.diagnostics.filter { $0.severity == .error }.map(\.description) ?? []
        #expect(messages == [
            "content/notes/bad.md:3:7: error: date '2025-02-30' does not exist",
            "content/notes/bad.md:4:10: error: unknown topic 'Kursk incursoin'; did you mean 'Kursk incursion'?",
            "content/notes/bad.md:5:11: error: unknown source article 'no-such-article'",
            "content/notes/bad.md:7:3: error: link to unknown article 'missing'",
            "content/notes/bad.md:7:43: error: link to unknown paragraph '#p99' of article '2025-01-02-a' (it has #p1 to #p2; the page also has #cited-heading, #main, #provenance-heading)",
        ])
        try folder.write("content/notes/bad.md", """
        ---
        title: Bad
        date: 2025-02-28
        topics: [Kursk incursoin]
        sources: [no-such-article]
        ---
        A [broken link](../articles/missing/) and [a bad anchor](../articles/2025-01-02-a/#p99).
        """)
        let second = #expect(throws: BuildFailed.self) { try SiteBuild.run(site: folder.url, output: output) }
        #expect(second?.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/notes/bad.md:4:10: error: unknown topic 'Kursk incursoin'; did you mean 'Kursk incursion'?",
            "content/notes/bad.md:5:11: error: unknown source article 'no-such-article'",
            "content/notes/bad.md:7:3: error: link to unknown article 'missing'",
            "content/notes/bad.md:7:43: error: link to unknown paragraph '#p99' of article '2025-01-02-a' (it has #p1 to #p2; the page also has #cited-heading, #main, #provenance-heading)",
        ])
        #expect(try folder.read("public/index.html") == before)
        #expect(!folder.exists("public/notes/bad"))
    }
}

@Suite("End to end: the territory page and data")
struct TerritoryPageTests {
    @Test("the page has the series table, the chart, the quoted figures and links to the data")
    func page() throws {
        let (folder, _) = try DossierSiteTests.build()
        defer { folder.cleanUp() }
        let html = try folder.read("public/territory/index.html")
        #expect(html.contains("<svg"))
        #expect(html.contains("<title id=\"territory-chart-wide-title\">"))
        #expect(html.contains("<title id=\"territory-chart-narrow-title\">"))
        #expect(html.contains("Figures the articles give"))
        #expect(html.contains("<q>At their peak, Kiev&#39;s forces controlled almost 1,300 square kilometers in Kursk.</q>"))
        #expect(html.contains("href=\"../articles/2025-03-17-kursk-operation-over/index.html#p8\""))
        #expect(html.contains("href=\"../data/territory.csv\""))
        let rows = OutputCrawler.matches("<tr><td class=\"date\" data-label=\"Date\"><time datetime=\"([0-9-]+)\"", in: html)
        let curated = Array(rows.prefix(15))
        #expect(curated == curated.sorted())
        #expect(curated.first == "2024-08")
        // Changes within a claimant: Syrskyi 1,000 → 1,150 and 1,294 → 500; DeepState 906 → 420; never across claimants.
        #expect(html.contains("<td class=\"number\" data-label=\"Change\">+150</td>"))
        #expect(html.contains("<td class=\"number\" data-label=\"Change\">−794</td>"))
        #expect(html.contains("<td class=\"number\" data-label=\"Change\">−486</td>"))
        #expect(!html.contains(">−720</td>"))
        #expect(html.contains("derived by the editors from Valery Gerasimov’s figures"))
        #expect(html.contains("<q>As of today, we have taken control of 1,294 square kilometers and 100 settlements located on this territory.</q>"))
        let home = try folder.read("public/index.html")
        #expect(home.contains("territory/index.html\">All territory figures"))
        #expect(home.contains("The latest figure: <strong>0 km²</strong> on <time datetime=\"2025-04-26\">26 April 2025</time>, claimed by Valery Gerasimov"))
        #expect(home.contains("<strong>500 km²</strong> on <time datetime=\"2025-02-14\">14 February 2025</time>, claimed by Oleksandr Syrskyi; about"))
        #expect(home.contains("<strong>78 km²</strong> on <time datetime=\"2025-03-16\">"))
    }

    @Test("the CSV and JSON files hold every curated and extracted row")
    func data() throws {
        let (folder, _) = try DossierSiteTests.build()
        defer { folder.cleanUp() }
        let csv = try folder.read("public/data/territory.csv")
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "date,area_km2,claimant,side,method,kind,source,quote,primary,primary_url,note")
        let curatedCount = try Repo.text("content/territory.csv").split(separator: "\n").count - 1
        #expect(lines.count == 1 + curatedCount + 2)
        #expect(lines.last?.hasPrefix("2025-03-17,78,") == true)
        #expect(lines.last?.contains(",extracted,held,2025-03-17-kursk-operation-over,") == true)
        let json = try JSONSerialization.jsonObject(with: Data(try folder.read("public/data/territory.json").utf8)) as? [[String: Any]]
        #expect(json?.count == curatedCount + 2)
        #expect(json?.first?["area_km2"] as? Double == 906)
        #expect(json?.first?["date"] as? String == "2024-08")
        #expect(Set(json?.first?.keys.map { $0 } ?? []) == ["date", "area_km2", "claimant", "side", "method", "kind", "source", "quote",
                                                            "primary", "primary_url", "note"])
        let extracted = json?.filter { $0["method"] as? String == "extracted" }
        #expect(extracted?.compactMap { $0["area_km2"] as? Double } == [1300, 78])
        #expect(extracted?.compactMap { $0["kind"] as? String } == ["peak", "held"])
    }
}

@Suite("End to end: figures quoted in articles")
struct QuotedFigureTests {
    @Test("held figures and peaks reach the page and the data with their kind and claimant; undated ones are listed apart")
    func quotedFigures() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/dated.txt", """
            ---
            title: Dated report
            date: 2025-02-01
            outlet: Example Wire
            ---
            At its peak the bridgehead held about 1,100 square kilometres, Petro Ivanenko said.

            Troops gained another 35 square kilometres. Kursk Oblast, which covers about 29,000 square kilometres, is quiet.

            The unit now holds 400 sq km of the border area.

            """)
        try site.write("content/articles/undated.txt", """
            ---
            title: Undated report
            outlet: Example Wire
            ---
            The fighting in the border area went on through the whole week, officials said.

            Kyiv's troops hold about 600 square kilometres, according to Sean O'Brien.

            """)
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let csv = try String(contentsOf: site.output.appendingPathComponent("data/territory.csv"), encoding: .utf8)
        let extracted = csv.split(separator: "\n").filter { $0.contains(",extracted,") }
        #expect(extracted.count == 2)
        #expect(extracted.first?.hasPrefix("2025-02-01,1100,Petro Ivanenko,,extracted,peak,dated,") == true)
        #expect(extracted.last?.hasPrefix("2025-02-01,400,Example Wire,,extracted,held,dated,") == true)
        #expect(!csv.contains("29000") && !csv.contains(",35,") && !csv.contains("600"))

        let html = try String(contentsOf: site.output.appendingPathComponent("territory/index.html"), encoding: .utf8)
        #expect(html.contains("<td data-label=\"Kind\">peak (largest extent)</td><td data-label=\"Claimant\">Petro Ivanenko</td>"))
        #expect(html.contains("<td data-label=\"Kind\">held</td><td data-label=\"Claimant\">Example Wire</td>"))
        #expect(html.contains("Figures from undated articles"))
        #expect(html.contains("<a href=\"../articles/undated/index.html#p2\">Undated report</a> (Example Wire): 600 km², held, given by Sean O&#39;Brien: <q>Kyiv&#39;s troops hold about 600 square kilometres, according to Sean O&#39;Brien.</q>"))
        #expect(!html.contains("29,000") && !html.contains(">35<"))
    }
}
