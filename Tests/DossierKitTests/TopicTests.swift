import Foundation
import Testing
@testable import DossierKit

@Suite("Topics")
struct TopicTests {
    let topics = [
        Topic(name: "Volodymyr Zelensky", slug: "zelensky", aliases: ["Zelensky", "Zelenskyy", "Zelenskiy", "Selensky"], description: nil),
        Topic(name: "Kyiv", slug: "kyiv", aliases: ["Kiev"], description: nil),
        Topic(name: "North Korean troops", slug: "north-korean-troops", aliases: ["North Korean", "DPRK"], description: nil),
        Topic(name: "Cease-fire and talks", slug: "ceasefire", aliases: ["cease-fire", "ceasefire"], description: nil),
    ]

    @Test("every spelling of a name tags the text", arguments: [
        "President Zelensky said", "Zelenskyy met Trump", "but Zelenskiy countered", "for Volodymyr Selensky",
        "Zelensky’s commendation", "ZELENSKYY",
    ])
    func spellings(text: String) {
        #expect(TopicMatcher(topics: topics).topics(in: text) == ["zelensky"])
    }

    @Test("only whole words match")
    func wholeWords() {
        let matcher = TopicMatcher(topics: topics)
        #expect(matcher.topics(in: "Kievan Rus and Kyivstar") == [])
        #expect(matcher.topics(in: "Kiev's forces") == ["kyiv"])
        #expect(matcher.topics(in: "North Koreans") == [])
        #expect(matcher.topics(in: "North Korean and Russian troops") == ["north-korean-troops"])
        #expect(matcher.topics(in: "a 30-day cease-fire") == ["ceasefire"])
        #expect(matcher.topics(in: "a ceasefire in Kyiv") == ["ceasefire", "kyiv"])
    }

    @Test("notes name topics by name, slug or alias in any case")
    func resolve() {
        let resolver = TopicResolver(topics: topics)
        var log = DiagnosticLog()
        for term in ["Kyiv", "kiev", "KYIV", "north-korean-troops", "dprk", "Volodymyr Zelensky", "selensky"] {
            #expect(resolver.resolve(Located(value: term, line: 1, column: 1), path: "p", log: &log) != nil, "\(term)")
        }
        #expect(log.items.isEmpty)
    }

    @Test("an unknown topic names the file, line, column and the closest topic")
    func unknown() {
        let resolver = TopicResolver(topics: topics)
        var log = DiagnosticLog()
        #expect(resolver.resolve(Located(value: "North Korean trops", line: 4, column: 9), path: "content/notes/x.md", log: &log) == nil)
        #expect(log.items.map(\.description) == ["content/notes/x.md:4:9: error: unknown topic 'North Korean trops'; did you mean 'North Korean troops'?"])
    }

    @Test("topics.yml is read; slugs default from names; duplicates are errors")
    func loader() {
        var log = DiagnosticLog()
        let loaded = TopicLoader.load("""
        - name: Pokrovsk and Dobropillia
          aliases: [Dobropillya]
        - name: Drones
          slug: drones
          description: Unmanned aircraft.
        - name: Drones again
          slug: drones
        - name: Other
          aliases: [dobropillya]
        """, path: "content/topics.yml", log: &log)
        #expect(loaded.map(\.slug) == ["pokrovsk-and-dobropillia", "drones", "other"])
        #expect(loaded[1].description == "Unmanned aircraft.")
        #expect(log.items.map(\.description) == [
            "content/topics.yml:7:9: error: topic 'Drones again' has the slug 'drones' of topic 'Drones'",
            "content/topics.yml:9:13: error: 'dobropillya' already names topic 'Pokrovsk and Dobropillia'",
        ])
    }
}

@Suite("Site links")
struct SiteLinkTests {
    @Test("links written from a note resolve to pages", arguments: [
        ("../articles/a-b/", ArticlePage.page("a-b"), nil),
        ("../articles/a-b/#p4", ArticlePage.page("a-b"), "p4"),
        ("../articles/a-b.txt", ArticlePage.page("a-b"), nil),
        ("other.md", NotePage.page("other"), nil),
        ("Other%20Note.md", NotePage.page("other-note"), nil),
        ("../notes/other/", NotePage.page("other"), nil),
        ("/topics/drones/", TopicPage.page("drones"), nil),
        ("/territory/", TerritoryPage.page(""), nil),
        ("../index.html", HomePage.page(""), nil),
        ("/data/territory.csv", SitePage.file("data/territory.csv"), nil),
    ] as [(String, SitePage, String?)])
    func resolves(url: String, page: SitePage, fragment: String?) {
        let link = SiteLink.resolve(url, inFolder: "notes")
        #expect(link?.page == page)
        #expect(link?.fragment == fragment)
    }

    @Test("external and same-page links are not site links", arguments: [
        "https://example.org/x", "mailto:a@b.c", "#top", "//cdn.example.org/x.js", "javascript:alert(1)",
    ])
    func external(url: String) {
        #expect(SiteLink.resolve(url, inFolder: "notes") == nil)
    }

    @Test("links that go nowhere on the site resolve to no page")
    func nowhere() {
        #expect(SiteLink.resolve("../../../etc/passwd", inFolder: "notes")?.page == nil)
        #expect(SiteLink.resolve("../somewhere/else/deep", inFolder: "notes")?.page == nil)
    }

    @Test("pages know their files and depth")
    func pages() {
        #expect(NotePage.page("x").path == "notes/x/index.html")
        #expect(NotePage.page("x").depth == 2)
        #expect(HomePage.page("").depth == 0)
        #expect(String.rootPrefix(depth: 2) == "../../")
    }
}
