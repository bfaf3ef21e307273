import Foundation
import Testing
@testable import DossierKit

@Suite("Topic pages: past 50 entries, one page per 50 with links between them")
struct TopicPagesTests {
    @Test("routes: page 1 at topics/<slug>/, the others at topics/<slug>/page/<n>/, one address each")
    func routes() {
        #expect(TopicPage.key(route: ["topics", "kursk"]) == "kursk")
        #expect(TopicPage.key(route: ["topics", "kursk", "page", "2"]) == "kursk/page/2")
        for bad in [["topics", "kursk", "page", "1"], ["topics", "kursk", "page", "02"], ["topics", "kursk", "page"],
                    ["topics", "kursk", "page", "x"], ["topics", "kursk", "pages", "2"], ["topics"], ["notes", "kursk"]] {
            #expect(TopicPage.key(route: bad) == nil, "\(bad)")
        }
        #expect(TopicPage.path("kursk/page/3") == "topics/kursk/page/3/index.html")
        #expect(TopicPage.parse("kursk/page/3").slug == "kursk" && TopicPage.parse("kursk/page/3").number == 3)
        #expect(TopicPage.parse("kursk").slug == "kursk" && TopicPage.parse("kursk").number == 1)
        #expect(TopicPage.pageCount(0) == 1 && TopicPage.pageCount(50) == 1 && TopicPage.pageCount(51) == 2 && TopicPage.pageCount(101) == 3)
    }

    @Test("a topic of 120 notes: three pages, newest first, linked in order; links to pages it lacks are errors")
    func pages() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        // Made-up notes: a count that leaves a short last page, dates that order them.
        for i in 1...120 {
            let iso = Day(year: 2020, month: (i - 1) / 28 + 1, day: (i - 1) % 28 + 1)!.iso
            try site.write("content/notes/n\(i).md", "---\ntitle: Note \(i)\ndate: \(iso)\ntopics: [Kursk]\n---\nBody\n")
        }
        var result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        // 120 notes and the article and the first note: 122 entries, pages of 50, 50 and 22.
        let one = try site.folder.read("site/public/topics/kursk/index.html")
        let two = try site.folder.read("site/public/topics/kursk/page/2/index.html")
        let three = try site.folder.read("site/public/topics/kursk/page/3/index.html")
        #expect(!site.folder.exists("site/public/topics/kursk/page/4/index.html"))
        #expect(!site.folder.exists("site/public/topics/kursk/page/1/index.html"))
        func entries(_ page: String) -> Int { page.components(separatedBy: "<span class=\"kind-label\">").count - 1 }
        let counts: [Int] = [entries(one), entries(two), entries(three)]
        #expect(counts == [50, 50, 22])
        #expect(one.contains("Page 1 of 3: entries 1–50 of 122") && three.contains("entries 101–122 of 122"))
        #expect(one.contains(">Note 120</a>") && !two.contains(">Note 120</a>"))
        #expect(!one.contains("rel=\"prev\"") && one.contains("<a href=\"../../topics/kursk/page/2/index.html\" rel=\"next\">"))
        #expect(two.contains("<a href=\"../../../../topics/kursk/index.html\" rel=\"prev\">")
                && two.contains("<a href=\"../../../../topics/kursk/page/3/index.html\" rel=\"next\">"))
        #expect(three.contains("rel=\"prev\"") && !three.contains("rel=\"next\""))
        #expect(two.contains("<title>Kursk, page 2 of 3 ·"))
        // A note may link to a later page; one past the last is an error at the link.
        try site.write("content/notes/links.md", "---\ntitle: Links\ndate: 2019-01-01\n---\n[ok](../topics/kursk/page/3/) [bad](../topics/kursk/page/4/)\n")
        result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/notes/links.md:5:"), "\(result.errors)")
        #expect(result.errors.components(separatedBy: "error:").count == 2, "\(result.errors)")
    }

    @Test("a topic of 50 entries or fewer has one page and no page links")
    func onePage() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let page = try site.folder.read("site/public/topics/kursk/index.html")
        #expect(!page.contains("pagination") && !page.contains("Page 1 of"))
        #expect(!site.folder.exists("site/public/topics/kursk/page"))
    }
}
