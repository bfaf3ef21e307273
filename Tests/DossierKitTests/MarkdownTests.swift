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

    /// The HTML without the ids the build adds to headings, which is all it adds.
    static func withoutHeadingIDs(_ html: String) -> String {
        html.replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
    }

    @Test("renders exactly as the cmark-gfm command line with the GitHub extensions")
    func matchesCommandLine() throws {
        let markdown = try Repo.text("Tests/DossierKitTests/Fixtures/gfm.md")
        let html = Markdown.render(markdown).html
        #expect(Self.withoutHeadingIDs(html) == (try Self.cli(markdown)))
        #expect(html.contains("<del>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
    }

    @Test("headings get unique ids, GitHub-style")
    func headingIDs() {
        let rendered = Markdown.render("# Why it *matters*\n\n## Why it matters\n\n### `code` <b>\n\nText <h2>x</h2>")
        #expect(rendered.anchors == ["why-it-matters", "why-it-matters-2", "code"])
        #expect(rendered.html.hasPrefix("<h1 id=\"why-it-matters\">Why it <em>matters</em></h1>\n<h2 id=\"why-it-matters-2\">"))
        #expect(rendered.html.contains("<h3 id=\"code\"><code>code</code> <!-- raw HTML omitted --></h3>"))
    }

    @Test("script, data and vbscript URLs are dropped in every spelling; images from other hosts too", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,iVBORw0KGgo=", "jav&#x09;ascript:alert(1)", "file:///etc/passwd",
    ])
    func dangerousURLs(url: String) {
        for markdown in ["[x](\(url))", "![x](\(url))", "[x]: \(url)\n\n[x]", "<\(url)>"] {
            let html = Markdown.render(markdown).html.lowercased()
            for bad in ["javascript:", "vbscript:", "data:", "file:"] {
                #expect(!html.contains("href=\"\(bad)") && !html.contains("src=\"\(bad)"), "\(markdown) → \(html)")
            }
        }
        #expect(Markdown.render("![x](https://example.org/tracker.png)").html == "<p><img src=\"\" alt=\"x\" /></p>\n")
        #expect(Markdown.render("[x](https://example.org/)").html == "<p><a href=\"https://example.org/\">x</a></p>\n")
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
