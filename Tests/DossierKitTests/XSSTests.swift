import Foundation
import Testing
@testable import DossierKit

/// Hostile text in every field an editor or a scrape can fill; the built pages must run no script the site
/// did not ship (it ships none), load nothing from elsewhere, and show the text as text.
@Suite("Hostile input: the XSS suite")
struct XSSTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "{{{x}}} {{#a}}{{/a}} {{>base}} {{=<% %>=}}",
        "</title><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    ]
    static var all: String { payloads.joined(separator: " ") }
    /// Destinations for links and images in Markdown.
    static let urls = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)", "java\tscript:alert(1)",
                       "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
                       "https://evil.example/x.png", "//evil.example/x.js"]

    /// A YAML string that holds `text` exactly (JSON strings are YAML).
    static func yaml(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data(), as: UTF8.self)
    }

    static func hostileSite() throws -> SmallSite {
        let site = try SmallSite()
        let evilTopic = "Kursk \(payloads[1])"
        try site.write("content/topics.yml", """
        - name: Kursk
        - name: \(yaml(evilTopic))
          aliases: [\(yaml(payloads[2])), \(yaml(payloads[10]))]
          description: \(yaml(all))
        """)
        try site.write("content/articles/a.txt", """
        ---
        title: \(yaml(all))
        date: 2025-01-01
        outlet: \(yaml(payloads[3] + payloads[11]))
        summary: \(yaml(all))
        url: "https://example.org/report?q='onmouseover=alert(1)//&x=1"
        topics: [\(yaml(evilTopic))]
        ---
        \(payloads.joined(separator: "\n"))
        Kursk is named here, with 1,300 square kilometers <b onclick=alert(1)>in</b> a sentence.
        """)
        try site.write("content/articles/b.txt", """
        ---
        title: Two
        date: 2025-01-02
        url: "https://example.org/b#'onfocus=alert(1)//"
        ---
        \(payloads.joined(separator: "\n\n"))
        """)
        let body = payloads.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
            + urls.map { "- [link](<\($0)>) ![img](<\($0)>) <\($0)> [ref][r\($0.count)]\n\n[r\($0.count)]: <\($0)>" }.joined(separator: "\n")
        for (index, name) in ["evil", "<img src=x onerror=alert(1)>", "{{x}}\"'"].enumerated() {
            try site.write("content/notes/\(name).md", """
            ---
            title: \(yaml(all))
            date: 2025-01-0\(index + 3)
            summary: \(yaml(all))
            topics: [\(yaml(evilTopic)), \(yaml(payloads[2]))]
            sources: [a]
            ---
            # \(payloads[0]) heading

            \(body)

            [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1)) [ok](../articles/a/#p1)

            <script>alert(1)</script>
            <iframe src="https://evil.example"></iframe>
            """)
        }
        let csvPayload = "\"" + all.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try site.write("content/territory.csv", """
        date,area_km2,claimant,side,method,source,quote,primary,note
        2024-08-12,1000,\(csvPayload),Ukraine,claimed,https://example.org/r,\(csvPayload),\(csvPayload),\(csvPayload)
        2024-08-13,900,X,Russia,claimed,https://example.org/?q=x&y=z',\(csvPayload),Post https://example.org/p?a='b,\(csvPayload)
        """)
        return site
    }

    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "ul", "ol", "li", "main", "footer", "p",
        "h1", "h2", "h3", "h4", "h5", "h6", "article", "div", "section", "time", "span", "strong", "em", "code", "pre",
        "blockquote", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "del", "input", "br", "hr", "img", "svg",
        "g", "line", "text", "polyline", "circle", "rect", "polygon", "path", "desc", "figure", "figcaption", "q",
    ]

    struct Tag { var name: String; var attributes: [(String, String)] }

    /// Every start tag of `html` with its attributes, as a browser's tokenizer would read them.
    static func tags(_ html: String) -> [Tag] {
        let tagPattern = #/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>/#
        let attributePattern = #/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/#
        return html.matches(of: tagPattern).map { match in
            let attributes = String(match.output.2).matches(of: attributePattern).map { a in
                (String(a.output.1).lowercased(), String(a.output.2 ?? a.output.3 ?? a.output.4 ?? ""))
            }
            return Tag(name: String(match.output.1).lowercased(), attributes: attributes)
        }
    }

    /// What an attribute value means to a browser: entities decoded, ignored characters dropped, lower case.
    static func decoded(_ value: String) -> String {
        var text = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        text = text.replacing(#/&#x([0-9a-fA-F]+);?/#) { m in String(UnicodeScalar(UInt32(m.output.1, radix: 16) ?? 32).map(Character.init) ?? " ") }
        text = text.replacing(#/&#([0-9]+);?/#) { m in String(UnicodeScalar(UInt32(m.output.1) ?? 32).map(Character.init) ?? " ") }
        return String(text.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
    }

    @Test("no page can run a script, load from elsewhere or be redirected, whatever the content")
    func noScriptCanRun() throws {
        let site = try Self.hostileSite()
        defer { site.folder.cleanUp() }
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        let crawler = OutputCrawler(root: site.output)
        let pages = crawler.htmlFiles()
        #expect(pages.count >= 10)
        for page in pages {
            let html = try String(contentsOf: site.output.appendingPathComponent(page), encoding: .utf8)
            // The search page alone has a form and one script, the build's own, which its policy allows.
            let isSearch = page == "search/index.html"
            for tag in Self.tags(html) {
                if isSearch, tag.name == "script" {
                    #expect(tag.attributes.map(\.0) == ["src", "defer"] && tag.attributes[0].1 == "../assets/search.js", "\(page): \(tag)")
                    continue
                }
                #expect(Self.allowedTags.contains(tag.name) || (isSearch && ["form", "label", "button"].contains(tag.name)),
                        "\(page): <\(tag.name)>")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(page): <\(tag.name) \(name)=…>")
                    #expect(name != "style" && name != "srcdoc" && name != "formaction", "\(page): \(name)")
                    if ["href", "src", "xlink:href", "action", "data", "poster"].contains(name) {
                        let url = Self.decoded(value)
                        for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                            #expect(!url.hasPrefix(scheme), "\(page): \(name)=\(value)")
                        }
                        if ["src", "data", "poster"].contains(name) || (tag.name == "link" && name == "href") {
                            #expect(!url.contains("//") && !url.contains(":"), "\(page) loads \(value) from elsewhere")
                        }
                    }
                }
                if tag.name == "meta" {
                    let equiv = tag.attributes.first { $0.0 == "http-equiv" }?.1.lowercased()
                    #expect(equiv == nil || equiv == "content-security-policy", "\(page): meta http-equiv=\(equiv ?? "")")
                }
            }
            let csp = html.firstMatch(of: #/http-equiv="Content-Security-Policy" content="([^"]*)"/#).map { String($0.output.1) }
            #expect(csp?.contains("default-src 'none'") == true, "\(page)")
            #expect(csp?.contains("unsafe") == false, "\(page)")
            #expect(csp?.contains("script-src 'self'; connect-src 'self';") == isSearch, "\(page): \(csp ?? "")")
            #expect(html.components(separatedBy: "<script").count == (isSearch ? 2 : 1), "\(page)")
            #expect(html.components(separatedBy: "Content-Security-Policy").count == 2, "\(page) has one CSP, in the head")
        }
    }

    @Test("hostile text is shown as text: escaped, and template syntax left as it was written")
    func shownAsText() throws {
        let site = try Self.hostileSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let note = try String(contentsOf: site.output.appendingPathComponent("notes/evil/index.html"), encoding: .utf8)
        #expect(note.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"))
        #expect(note.contains("{{{x}}} {{#a}}{{/a}} {{&gt;base}} {{=&lt;% %&gt;=}}"))
        #expect(note.contains("<a href=\"../../articles/a/index.html#p1\">ok</a>"))
        let article = try String(contentsOf: site.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8)
        // The address is an attribute value, escaped: its quote cannot end the attribute.
        #expect(article.contains("<a href=\"https://example.org/report?q=&#39;onmouseover=alert(1)//&amp;x=1\" rel=\"noopener noreferrer\">Read the original article</a>"))
        #expect(article.contains("with 1,300 square kilometers in a sentence."))
        let territory = try String(contentsOf: site.output.appendingPathComponent("territory/index.html"), encoding: .utf8)
        #expect(territory.contains("href=\"https://example.org/?q=x&amp;y=z&#39;\""))
        let json = try String(contentsOf: site.output.appendingPathComponent("data/territory.json"), encoding: .utf8)
        #expect(!json.contains("<"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/img-src-x-onerror-alert-1/index.html").path))
    }

    @Test("the checks above would catch a script: the tag reader and URL decoder on known-bad HTML")
    func detectorsWork() {
        let tags = Self.tags("<p>x</p><img src=x onerror=alert(1)><a href='&#106;avascript:alert(1)'>y</a><SCRIPT>")
        #expect(tags.map(\.name) == ["p", "img", "a", "script"])
        #expect(tags[1].attributes.map(\.0) == ["src", "onerror"])
        #expect(Self.decoded(tags[2].attributes[0].1).hasPrefix("javascript:"))
        #expect(Self.decoded("java&#x09;script:x").hasPrefix("javascript:"))
        #expect(!Self.allowedTags.contains("script"))
    }
}
