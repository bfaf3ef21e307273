import Foundation
import Testing
@testable import DossierKit

@Suite("Markdown")
struct MarkdownTests {
    static let cliArguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]

    static func cli(_ markdown: String) throws -> String {
        let result = try run("cmark-gfm", cliArguments, input: markdown)
        #expect(result.status == 0, "the cmark-gfm command is needed: make test installs it")
        return result.output
    }

    @Test("renders exactly as the cmark-gfm command line with the GitHub extensions")
    func matchesCommandLine() throws {
        let markdown = try Repo.text("Tests/DossierKitTests/Fixtures/gfm.md")
        let html = Markdown.render(markdown).html
        #expect(html == (try Self.cli(markdown)))
        #expect(html.contains("<del>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
    }

    @Test("raw HTML is omitted and dangerous URLs are dropped")
    func safe() {
        let html = Markdown.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x()\">b</b>").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("links are reported with their line and column, and can be rewritten")
    func links() {
        let rendered = Markdown.render("Intro\n\nSee [a](../articles/x/) and ![i](pic.png).") { link in
            link.isImage ? nil : "../../articles/x/index.html"
        }
        #expect(rendered.links.map(\.url) == ["../articles/x/", "pic.png"])
        #expect(rendered.links.first?.line == 3)
        #expect(rendered.links.first?.column == 5)
        #expect(rendered.html == "<p>Intro</p>\n<p>See <a href=\"../../articles/x/index.html\">a</a> and <img src=\"pic.png\" alt=\"i\" />.</p>\n")
    }
}
