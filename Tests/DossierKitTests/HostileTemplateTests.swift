import Foundation
import Testing
@testable import DossierKit

@Suite("Hostile templates: recursion, nesting and size are diagnosed, never a crash or a runaway")
struct HostileTemplateTests {
    static func nested(_ count: Int) -> String {
        String(repeating: "{{#title}}", count: count) + String(repeating: "{{/title}}", count: count)
    }
    /// 425 KB of ordinary markup with a tag on every line: swift-mustache's parser took 16 s on it.
    static let huge = String(repeating: "<p>{{pageTitle}} text here</p>\n", count: 14_000)

    static let cases: [BadInput] = [
        BadInput(name: "a partial that includes itself", edits: [.write("templates/loop.mustache", "x{{> loop}}")],
                 expected: ["templates/loop.mustache:1:2: error: 'loop' includes itself (templates/loop.mustache → templates/loop.mustache); a template cannot include itself, directly or through others"]),
        BadInput(name: "two partials that include each other, reached from a page",
                 edits: [.write("templates/a.mustache", "{{> b}}"), .write("templates/b.mustache", "\n {{#title}}{{> a}}{{/title}}"),
                         .write("templates/note.mustache", "{{<base}}{{$main}}{{> a}}{{/main}}{{/base}}")],
                 expected: ["templates/b.mustache:2:12: error: 'a' includes itself (templates/a.mustache → templates/b.mustache → templates/a.mustache); a template cannot include itself, directly or through others"]),
        BadInput(name: "a parent template that is its own parent", edits: [.write("templates/base.mustache", "{{<base}}{{/base}}")],
                 expected: ["templates/base.mustache:1:1: error: 'base' includes itself (templates/base.mustache → templates/base.mustache); a template cannot include itself, directly or through others"]),
        BadInput(name: "20,000 nested sections", edits: [.write("templates/note.mustache", nested(20_000))],
                 expected: ["templates/note.mustache:1:1: error: template error: template is 390 KB; the limit is 64 KB"]),
        BadInput(name: "2,000 nested sections", edits: [.write("templates/note.mustache", nested(2_000))],
                 expected: ["templates/note.mustache:1:1001: error: template error: sections nested more than 100 deep, the limit"]),
        BadInput(name: "sections nested deep through a chain of partials",
                 edits: (0..<30).map { i in .write("templates/p\(i).mustache", "{{#title}}{{#title}}{{#title}}{{> p\(i + 1)}}{{/title}}{{/title}}{{/title}}") }
                    + [.write("templates/p30.mustache", "end")],
                 expected: ["templates/p4.mustache:1:31: error: sections and partials nest 104 deep (templates/p4.mustache → templates/p5.mustache → templates/p6.mustache → templates/p7.mustache → templates/p8.mustache → templates/p9.mustache → templates/p10.mustache → templates/p11.mustache → templates/p12.mustache → templates/p13.mustache → templates/p14.mustache → templates/p15.mustache → templates/p16.mustache → templates/p17.mustache → templates/p18.mustache → templates/p19.mustache → templates/p20.mustache → templates/p21.mustache → templates/p22.mustache → templates/p23.mustache → templates/p24.mustache → templates/p25.mustache → templates/p26.mustache → templates/p27.mustache → templates/p28.mustache → templates/p29.mustache → templates/p30.mustache); the limit is 100"]),
        BadInput(name: "a 425 KB template", edits: [.write("templates/note.mustache", huge)],
                 expected: ["templates/note.mustache:1:1: error: template error: template is \(huge.utf8.count / 1024) KB; the limit is 64 KB"]),
        BadInput(name: "more tags than the limit", edits: [.write("templates/note.mustache", String(repeating: "{{title}}\n", count: 2_001))],
                 expected: ["templates/note.mustache:2001:1: error: template error: template has more than 2000 tags, the limit"]),
        BadInput(name: "a partial that does not exist", edits: [.write("templates/note.mustache", "{{<base}}{{$main}}\n  {{> nav}}{{/main}}{{/base}}")],
                 expected: ["templates/note.mustache:2:3: error: partial 'nav' does not exist (no templates/nav.mustache)"]),
        BadInput(name: "a tag never closed", edits: [.write("templates/note.mustache", "{{<base}}{{$main}}{{title{{/main}}{{/base}}")],
                 expected: ["templates/note.mustache:1:35: error: template error: '{{/base}}' closes 'base' while 'main' is open"]),
    ]

    @Test("refused with the template's place and the chain, exit 1, old site kept", arguments: cases)
    func refused(_ input: BadInput) throws {
        try BadInputTests.expectRefused(input)
    }

    @Test("an unknown name is a warning at its first use in each template, with the closest known name")
    func unknownNames() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("templates/note.mustache", "{{<base}}{{$main}}\n<h1>{{titel}}</h1>{{#date}}{{displya}}{{/date}}{{titel}}\n{{/main}}{{/base}}")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        #expect(result.errors.split(separator: "\n").map(String.init) == [
            "templates/note.mustache:2:5: warning: 'titel' is not a value this page provides; it renders as nothing; did you mean 'title'?",
            "templates/note.mustache:2:28: warning: 'displya' is not a value this page provides; it renders as nothing; did you mean 'display'?",
        ])
    }

    @Test("the scanner reads set delimiters, triple mustaches, comments and dotted names")
    func scanner() {
        let scan = TemplateScan("{{! a {{comment}} }}{{{body}}}{{=<% %>=}}<%#date%><%date.iso%><%/date%><%={{ }}=%>{{> base}}")
        #expect(scan.problems.isEmpty)
        #expect(scan.tags.map(\.kind) == [.other, .variable, .other, .section, .variable, .close, .other, .partial])
        #expect(scan.tags.map(\.name) == ["a {{comment", "body", "<% %>=", "date", "date.iso", "date", "{{ }}=", "base"])
        #expect(scan.depth == 1)
        #expect(TemplateCheck.unknownName(in: "date.displya", known: ["date", "display"]) == "displya")
        #expect(TemplateCheck.unknownName(in: "uppercased(title)", known: ["title"]) == nil)
    }

    @Test("the shipped templates and the page contexts agree on every name, both ways")
    func contextNamesAgree() throws {
        var log = DiagnosticLog()
        let templates = try #require(Templates.load(from: Repo.root.appendingPathComponent("templates"), site: SiteFiles(site: Repo.root), log: &log))
        #expect(log.items.isEmpty, "\(log.items)")
        log = DiagnosticLog()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        // The dossier's articles have no `url` yet; one that does gives the article page its link.
        try folder.write("content/articles/2025-01-01-linked.txt", "---\ntitle: Linked\noutlet: X\nurl: https://example.org/a\n---\nA sentence of the report, long enough to keep.\n")
        let bodies = MemoryBodies()
        let content = try SiteLoader.load(SiteFiles(site: folder.url), bodies: bodies, log: &log).content
        let index = SiteIndex.build(content, log: &log)
        let renderer = PageRenderer(templates: templates, index: index, bodies: bodies)
        // Every name a page's value holds is in its kind's schema, and every name of the schemas is used by the
        // shipped templates.
        var given: [String: Set<String>] = [:]
        func collect(_ value: TemplateValue, into names: inout Set<String>) {
            switch value {
            case .map(let map): for (key, inner) in zip(map.keys, map.values) { names.insert(key); collect(inner, into: &names) }
            case .list(let items): for item in items { collect(item, into: &names) }
            default: break
            }
        }
        for page in renderer.index.pages {
            let value = try #require(PageRenderer.value(of: page, in: index))
            collect(value.value, into: &given[value.template, default: []])
        }
        #expect(Set(given.keys) == Set(PageKinds.all.map { $0.name }))
        for (kind, names) in given {
            let schema = try #require(PageRenderer.schemas[kind])
            #expect(names.isSubset(of: schema.names), "\(kind): \(names.subtracting(schema.names))")
        }
        var used = Set<String>()
        for scan in templates.scans.values {
            for tag in scan.tags { used.formUnion(tag.name.split(separator: ".").map(String.init)) }
        }
        #expect(PageRenderer.sharedSchema.names.subtracting(used).isEmpty, "names no template uses")
    }
}
