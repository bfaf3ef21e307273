import Foundation
import Testing
@testable import DossierKit

/// `site.yml` text and the diagnostics it should give, as printed.
struct ConfigCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
}

func loadConfig(_ text: String) -> (SiteConfig, [String]) {
    var log = DiagnosticLog()
    let config = SiteConfigLoader.load(text, log: &log)
    return (config, log.sorted.map(\.description))
}

@Suite("site.yml: the site's configuration")
struct SiteConfigTests {
    @Test("the shipped site.yml loads without a diagnostic and keeps today's wording")
    func shipped() throws {
        let (config, diagnostics) = loadConfig(try Repo.text("site.yml"))
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Kursk and the front: a dossier")
        #expect(config.description == "A briefing on the 2024–2025 Ukrainian incursion into Russia's Kursk region and the wider front, built from\nnews articles and editors' notes. Every figure links to its source.")
        #expect(config.language == "en")
        #expect(config.baseURL == "https://example.org/briefing/")
        #expect(config.nav?.map(\.section) == ["home", "territory", "timeline", "topics", "notes", "articles", "briefing", "search"])
        #expect((4...6).contains(config.summary.count), "the briefing opens with 4 to 6 key points")
        #expect(config.summary.allSatisfy { $0.note != nil }, "each shipped key point names the note it is drawn from")
        #expect(config.nav?.allSatisfy { $0.label == nil } == true)
        #expect(config.parts.isEmpty)
        #expect(config.territory == TerritoryWording(
            focus: ["Kursk"], chartTitle: "Ukrainian-held territory in Kursk oblast, km², by who gave the figure",
            chartSummary: "Line chart of the area of Kursk oblast held by Ukraine, by who gave the figure.",
            axisLabel: "km² held by Ukraine"))
    }

    @Test("a title alone: every other field keeps its default")
    func titleOnly() {
        let (config, diagnostics) = loadConfig("title: A second dossier\n")
        #expect(diagnostics.isEmpty)
        var expected = SiteConfig.standard
        expected.title = "A second dossier"
        #expect(config == expected)
        #expect(config.nav == nil && config.language == "en" && config.territory == .standard)
    }

    @Test("every field, in both spellings of a navigation entry, with the places the build reports at")
    func everything() throws {
        let (config, diagnostics) = loadConfig("""
        title: Another front
        description: >-
          Two lines folded
          into one.
        language: uk
        base_url: https://example.org/briefing
        nav:
          - home
          - {section: notes, label: "All notes"}
          - section: articles
            label: By month
        parts:
          territory: false
          feed: yes
        territory:
          focus: [Pokrovsk, Pokrovsk district]
          chart_title: Area held
          chart_summary: A chart.
          axis_label: km²
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Another front")
        #expect(config.description == "Two lines folded into one.")
        #expect(config.language == "uk")
        #expect(config.baseURL == "https://example.org/briefing/")
        let nav = try #require(config.nav)
        #expect(nav == [NavEntry(section: "home", line: 8, column: 5),
                        NavEntry(section: "notes", label: "All notes", line: 9, column: 15),
                        NavEntry(section: "articles", label: "By month", line: 10, column: 14)])
        #expect(config.parts == ["territory": Located(value: false, line: 13, column: 3),
                                 "feed": Located(value: true, line: 14, column: 3)])
        #expect(config.territory == TerritoryWording(focus: ["Pokrovsk", "Pokrovsk district"], chartTitle: "Area held",
                                                     chartSummary: "A chart.", axisLabel: "km²"))
    }

    @Test("an empty navigation is kept as empty, not as automatic")
    func emptyNav() {
        let (config, diagnostics) = loadConfig("title: T\nnav: []\n")
        #expect(diagnostics.isEmpty)
        #expect(config.nav == [])
    }

    @Test("base URLs are kept, ending with one slash", arguments: [
        ("https://example.org", "https://example.org/"),
        ("http://example.org/", "http://example.org/"),
        ("https://example.org/a/b", "https://example.org/a/b/"),
        ("HTTPS://Example.org:8443/x%20y/", "HTTPS://Example.org:8443/x%20y/"),
        ("https://[2001:db8::1]:8080/", "https://[2001:db8::1]:8080/"),
        ("https://127.0.0.1/site", "https://127.0.0.1/site/"),
        ("https://example.org/~me/(draft);v=1/", "https://example.org/~me/(draft);v=1/"),
    ])
    func goodURLs(text: String, normalized: String) {
        let (config, diagnostics) = loadConfig("title: T\nbase_url: \(text)\n")
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == normalized)
    }

    @Test("well-formed language tags are kept as written", arguments: [
        "en", "uk", "en-GB", "zh-Hant", "zh-Hant-TW", "es-419", "sr-Latn-RS", "de-CH-1996", "sl-rozaj-biske",
        "en-US-u-ca-gregory", "zh-yue-HK", "x-private", "en-x-dossier", "EN-gb", "haw", "tlh-Latn",
    ])
    func goodLanguages(tag: String) {
        let (config, diagnostics) = loadConfig("title: T\nlanguage: \(tag)\n")
        #expect(diagnostics.isEmpty)
        #expect(config.language == tag)
    }

    @Test("malformed language tags are refused", arguments: [
        "english", "e", "en_GB", "engl", "abcdefgh", "en-", "-en", "en--GB", "en-GB-", "x", "en-x", "en-a", "en-a-b", "1en", "en-GBR-",
        "en-toolongsubtag", "ру", "en GB", "en-US-u", "zh-Hant-Hans-TW-x",
    ])
    func badLanguages(tag: String) {
        #expect(LanguageTag.isWellFormed(tag) == false)
    }

    static let cases: [ConfigCase] = [
        ConfigCase(name: "a list, not a mapping", text: "- title\n- nav\n",
                   expected: ["site.yml:1:1: error: site.yml must be a mapping of fields ('title: …'), found a list"]),
        ConfigCase(name: "one line of text", text: "Kursk and the front\n",
                   expected: ["site.yml:1:1: error: site.yml must be a mapping of fields ('title: …'), found 'Kursk and the front'"]),
        ConfigCase(name: "a YAML syntax error, at its line and column", text: "title: A\nnav: [home, notes\nlanguage: en\n",
                   expected: ["site.yml:3:9: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        ConfigCase(name: "an unquoted colon in the title", text: "title: Kursk: a dossier\n",
                   expected: ["site.yml:1:13: error: invalid YAML: mapping values are not allowed in this context"]),
        ConfigCase(name: "a duplicate field", text: "title: A\ntitle: B\n",
                   expected: ["site.yml:1:1: error: invalid YAML: duplicate keys 'title'"]),
        ConfigCase(name: "no title", text: "language: en\n",
                   expected: ["site.yml:1: error: missing required field 'title'"]),
        ConfigCase(name: "an empty file's worth of YAML", text: "# nothing yet\n",
                   expected: ["site.yml:1: error: missing required field 'title'"]),
        ConfigCase(name: "an empty title", text: "title: \"  \"\n",
                   expected: ["site.yml:1:8: error: field 'title' is empty"]),
        ConfigCase(name: "a title with no value", text: "title:\nlanguage: en\n",
                   expected: ["site.yml:1:7: error: field 'title' must be text, found nothing"]),
        ConfigCase(name: "a title that is a list", text: "title: [Kursk, front]\n",
                   expected: ["site.yml:1:8: error: field 'title' must be text, found a list"]),
        ConfigCase(name: "a description that is a mapping", text: "title: T\ndescription: {a: b}\n",
                   expected: ["site.yml:2:14: error: field 'description' must be text, found a mapping"]),
        ConfigCase(name: "a language that is not a tag", text: "title: T\nlanguage: English\n",
                   expected: ["site.yml:2:11: error: language 'English' is not a BCP 47 language tag, such as en, uk, en-GB or zh-Hant"]),
        ConfigCase(name: "a language with an underscore", text: "title: T\nlanguage: en_GB\n",
                   expected: ["site.yml:2:11: error: language 'en_GB' is not a BCP 47 language tag, such as en, uk, en-GB or zh-Hant"]),
        ConfigCase(name: "a relative base URL", text: "title: T\nbase_url: /briefing/\n",
                   expected: ["site.yml:2:11: error: base_url '/briefing/' must be an absolute URL starting with https:// or http://"]),
        ConfigCase(name: "a base URL without a scheme", text: "title: T\nbase_url: example.org\n",
                   expected: ["site.yml:2:11: error: base_url 'example.org' must be an absolute URL starting with https:// or http://"]),
        ConfigCase(name: "an ftp base URL", text: "title: T\nbase_url: ftp://example.org/\n",
                   expected: ["site.yml:2:11: error: base_url 'ftp://example.org/' must be an http or https URL, not ftp"]),
        ConfigCase(name: "a javascript base URL", text: "title: T\nbase_url: \"javascript://x/%0Aalert(1)\"\n",
                   expected: ["site.yml:2:11: error: base_url 'javascript://x/%0Aalert(1)' must be an http or https URL, not javascript"]),
        ConfigCase(name: "a base URL with a query", text: "title: T\nbase_url: https://example.org/?lang=en\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org/?lang=en' must not have a query ('?…'): page addresses are appended to it"]),
        ConfigCase(name: "a base URL with a fragment", text: "title: T\nbase_url: \"https://example.org/#top\"\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org/#top' must not have a fragment ('#…'): page addresses are appended to it"]),
        ConfigCase(name: "a base URL with a user and password", text: "title: T\nbase_url: https://me:secret@example.org/\n",
                   expected: ["site.yml:2:11: error: base_url 'https://me:secret@example.org/' must not contain a user name or password"]),
        ConfigCase(name: "a base URL with a space", text: "title: T\nbase_url: https://example.org/my site/\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org/my site/' must not contain spaces or control characters"]),
        ConfigCase(name: "a base URL with no host", text: "title: T\nbase_url: https:///path/\n",
                   expected: ["site.yml:2:11: error: base_url 'https:///path/' has no host"]),
        ConfigCase(name: "a base URL with a bad port", text: "title: T\nbase_url: https://example.org:99999/\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org:99999/' has a port that is not a number from 1 to 65535: '99999'"]),
        ConfigCase(name: "a base URL with an unencoded quote", text: "title: T\nbase_url: 'https://example.org/\"x/'\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org/\"x/' must not contain '\"' unencoded; write it as %22"]),
        ConfigCase(name: "a base URL with a broken escape", text: "title: T\nbase_url: https://example.org/%zz/\n",
                   expected: ["site.yml:2:11: error: base_url 'https://example.org/%zz/' has a '%' that is not followed by two hexadecimal digits"]),
        ConfigCase(name: "a base URL with non-ASCII letters", text: "title: T\nbase_url: https://пример.рф/\n",
                   expected: ["site.yml:2:11: error: base_url 'https://пример.рф/' must be written in ASCII: percent-encode other characters, and write a host's other letters in its xn-- form"]),
        ConfigCase(name: "a base URL that is a list", text: "title: T\nbase_url: [https://example.org/]\n",
                   expected: ["site.yml:2:11: error: field 'base_url' must be text, found a list"]),
        ConfigCase(name: "nav that is not a list", text: "title: T\nnav: notes\n",
                   expected: ["site.yml:2:6: error: field 'nav' must be a list of sections ('- notes' or '- {section: notes, label: …}'), found 'notes'"]),
        ConfigCase(name: "nav entries of every wrong shape", text: "title: T\nnav:\n  - [home]\n  - ~\n  - \"\"\n  - {label: Notes}\n  - {section: [a]}\n",
                   expected: ["site.yml:3:5: error: each item of 'nav' must be a section name or a mapping {section: …, label: …}, found a list",
                              "site.yml:4:5: error: each item of 'nav' must be a section name or a mapping {section: …, label: …}, found nothing",
                              "site.yml:5:5: error: each item of 'nav' must be a section name or a mapping {section: …, label: …}, found nothing",
                              "site.yml:6: error: missing required field 'section'",
                              "site.yml:7:15: error: field 'section' must be text, found a list"]),
        ConfigCase(name: "a misspelt key in a nav entry", text: "title: T\nnav:\n  - {section: notes, lable: All}\n",
                   expected: ["site.yml:3:22: warning: unknown field 'lable' is ignored; did you mean 'label'? (the fields are 'section', 'label')"]),
        ConfigCase(name: "a section twice in the navigation", text: "title: T\nnav:\n  - notes\n  - home\n  - {section: notes, label: Again}\n",
                   expected: ["site.yml:5:15: error: section 'notes' is already in the navigation, on line 3"]),
        ConfigCase(name: "parts that are a list", text: "title: T\nparts: [territory]\n",
                   expected: ["site.yml:2:8: error: field 'parts' must be a mapping of fields (key: value), found a list"]),
        ConfigCase(name: "part switches that are not booleans", text: "title: T\nparts:\n  territory: maybe\n  feed: \"false\"\n  search: [on]\n  \"\": true\n",
                   expected: ["site.yml:3:14: error: part 'territory' must be true or false, found 'maybe'",
                              "site.yml:4:9: error: part 'feed' must be true or false, found 'false'",
                              "site.yml:5:11: error: part 'search' must be true or false, found a list",
                              "site.yml:6:3: error: a part needs a name"]),
        ConfigCase(name: "territory that is text", text: "title: T\nterritory: Kursk\n",
                   expected: ["site.yml:2:12: error: field 'territory' must be a mapping of fields (key: value), found 'Kursk'"]),
        ConfigCase(name: "territory wording of the wrong types", text: "title: T\nterritory:\n  focus: {a: b}\n  chart_title: [x]\n  axis_label: ''\n  chart_sumary: x\n",
                   expected: ["site.yml:3:10: error: field 'focus' must be a list of text, found a mapping",
                              "site.yml:4:16: error: field 'chart_title' must be text, found a list",
                              "site.yml:5:15: error: field 'axis_label' is empty",
                              "site.yml:6:3: warning: unknown field 'chart_sumary' is ignored; did you mean 'chart_summary'? (the fields are 'focus', 'chart_title', 'chart_summary', 'axis_label', 'join_within_days')"]),
        ConfigCase(name: "a blank focus name", text: "title: T\nterritory:\n  focus: [Kursk, \" \"]\n",
                   expected: ["site.yml:3:18: error: each item of 'focus' must be a name, found nothing"]),
        ConfigCase(name: "a misspelt top-level field", text: "titel: T\ntitle: T\n",
                   expected: ["site.yml:1:1: warning: unknown field 'titel' is ignored; did you mean 'title'? (the fields are 'title', 'description', 'language', 'base_url', 'nav', 'parts', 'territory', 'summary')"]),
        ConfigCase(name: "an unknown top-level field far from any", text: "title: T\ncolour: red\n",
                   expected: ["site.yml:2:1: warning: unknown field 'colour' is ignored (the fields are 'title', 'description', 'language', 'base_url', 'nav', 'parts', 'territory', 'summary')"]),
        ConfigCase(name: "every problem of a file in one run", text: "language: en_GB\nbase_url: example.org\nnav: home\nparts: {territory: maybe}\nbaseurl: x\n",
                   expected: ["site.yml:1: error: missing required field 'title'",
                              "site.yml:1:11: error: language 'en_GB' is not a BCP 47 language tag, such as en, uk, en-GB or zh-Hant",
                              "site.yml:2:11: error: base_url 'example.org' must be an absolute URL starting with https:// or http://",
                              "site.yml:3:6: error: field 'nav' must be a list of sections ('- notes' or '- {section: notes, label: …}'), found 'home'",
                              "site.yml:4:20: error: part 'territory' must be true or false, found 'maybe'",
                              "site.yml:5:1: warning: unknown field 'baseurl' is ignored; did you mean 'base_url'? (the fields are 'title', 'description', 'language', 'base_url', 'nav', 'parts', 'territory', 'summary')"]),
    ]

    @Test("each problem is reported at its line and column", arguments: cases)
    func problems(_ item: ConfigCase) {
        let (_, diagnostics) = loadConfig(item.text)
        #expect(diagnostics == item.expected)
    }

    @Test("a field with a problem keeps its default; the others are read")
    func defaultsOnError() {
        let (config, diagnostics) = loadConfig("title: T\nlanguage: english\nbase_url: ftp://x/\nnav: [notes, [bad]]\n")
        #expect(diagnostics.count == 3)
        #expect(config.title == "T" && config.language == "en" && config.baseURL == nil)
        #expect(config.nav?.map(\.section) == ["notes"])
    }

    @Test("the path given is the one reported")
    func path() {
        var log = DiagnosticLog()
        _ = SiteConfigLoader.load("nav: 1\n", path: "sites/second/site.yml", log: &log)
        #expect(log.sorted.map(\.path) == ["sites/second/site.yml", "sites/second/site.yml"])
    }
}

@Suite("site.yml and the site's other YAML against hostile input")
struct HostileYAMLTests {
    /// Nine lists of nine aliases of the list before: about 387 million items once expanded.
    static func laughs(levels: Int, width: Int) -> String {
        var lines = ["a0: &a0 [\(Array(repeating: "lol", count: width).joined(separator: ", "))]"]
        for level in 1..<levels {
            lines.append("a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an alias bomb used as a mapping key is refused at the alias, at once")
    func bombAsKey() throws {
        let text = "title: T\n" + Self.laughs(levels: 9, width: 9) + "parts:\n  ? *a8\n  : true\n"
        let diagnostics = try #require(finishes(within: 20) { loadConfig(text).1 })
        #expect(diagnostics == ["site.yml:7:15: error: alias '*a4' makes the text repeated by anchors and aliases more than 1 MB; an alias repeats all its anchor names, aliases inside included, so nest fewer of them"])
    }

    @Test("an alias bomb as a value, in a nav entry's label, in topics.yml and in a note's front matter")
    func bombElsewhere() throws {
        let bomb = Self.laughs(levels: 9, width: 9)
        let site = try #require(finishes(within: 20) { loadConfig("title: T\nnav:\n  - {section: notes, label: *a8}\n" + bomb).1 })
        #expect(site.count == 1 && site[0].contains("error: alias '*a"))
        let topics = try #require(finishes(within: 20) { () -> [String] in
            var log = DiagnosticLog()
            _ = TopicLoader.load("- name: Kursk\n  x:\n" + bomb.split(separator: "\n").map { "    \($0)\n" }.joined() + "- {? *a8 : 1, name: Y}\n",
                                 path: "content/topics.yml", log: &log)
            return log.sorted.map(\.description)
        })
        #expect(topics.count == 1 && topics[0].hasPrefix("content/topics.yml:") && topics[0].contains("error: alias '*a"), "\(topics)")
        let note = try #require(finishes(within: 20) { () -> [String] in
            var log = DiagnosticLog()
            _ = FrontMatter.parse("---\ntitle: X\n" + bomb + "? *a8\n: 1\n---\nbody\n", path: "content/notes/x.md", log: &log)
            return log.sorted.map(\.description)
        })
        // The front matter starts on line 2 of the file: the place is the file's.
        #expect(note.count == 1 && note[0].hasPrefix("content/notes/x.md:8:15: error: alias '*a4'"), "\(note)")
    }

    @Test("anchors and aliases that share a value or two are read as YAML means them")
    func modestAliases() {
        let (config, diagnostics) = loadConfig("""
        title: &name Kursk and the front
        description: *name
        territory:
          focus: &places [Kursk, Sudzha]
          chart_title: *name
        nav: [home, &n notes]
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.description == "Kursk and the front" && config.territory.chartTitle == "Kursk and the front")
        #expect(config.territory.focus == ["Kursk", "Sudzha"])
        // Small nests of aliases pass: three levels of three repeat a few hundred bytes.
        #expect(YAMLDocument.aliasExcess(in: Self.laughs(levels: 3, width: 3)) == nil)
        #expect(YAMLDocument.aliasExcess(in: Self.laughs(levels: 9, width: 9)) != nil)
    }

    @Test("the bound is never below what aliases really repeat", arguments: 1...6)
    func boundHolds(levels: Int) throws {
        // Expanded, a level of `width` aliases of the level before holds width^levels scalars; the bound counts
        // bytes, at least one a scalar, so whenever it lets the text through the expansion is within the limit.
        for width in [2, 3, 5, 8, 13] {
            let text = Self.laughs(levels: levels, width: width)
            let scalars = Int(pow(Double(width), Double(levels)))
            if YAMLDocument.aliasExcess(in: text) == nil {
                #expect(scalars <= YAMLDocument.aliasLimit, "levels \(levels), width \(width)")
            }
        }
    }

    @Test("words that merely look like anchors in prose do not trip the check")
    func prose() {
        let (config, diagnostics) = loadConfig("title: R&D *and* Q&A\ndescription: \"*Stars* & stripes: a *note*\"\n")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "R&D *and* Q&A")
    }

    @Test("deep nesting is refused by the YAML parser, not by the stack")
    func deep() throws {
        let text = "title: T\nnav: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let diagnostics = try #require(finishes(within: 20) { loadConfig(text).1 })
        #expect(diagnostics.count == 1 && diagnostics[0].hasPrefix("site.yml:2:") && diagnostics[0].contains("error: invalid YAML"))
    }

    @Test("a large file is read in bounded time: a long description and 20,000 navigation entries")
    func large() throws {
        let description = String(repeating: "A sentence of the description. ", count: 100_000)
        let nav = (0..<20_000).map { "  - {section: s\($0), label: \"Section \($0)\"}\n" }.joined()
        let text = "title: T\ndescription: \"\(description)\"\nnav:\n" + nav
        let (config, diagnostics) = try #require(finishes(within: 20) { loadConfig(text) })
        #expect(diagnostics.isEmpty)
        #expect(config.nav?.count == 20_000 && config.description?.count == description.count - 1)
    }

    @Test("text that is not YAML at all gives one error, not a crash", arguments: [
        "\t- title: T\n", "title: 'unclosed\n", "{{{{\n", "title: T\n---\ntitle: U\n", "%YAML 9.9\n---\ntitle: T\n",
        "*undefined\n", "title: &a T\ndescription: &a U\nnav: *b\n",
    ])
    func notYAML(text: String) {
        let (_, diagnostics) = loadConfig(text)
        #expect(diagnostics.filter { $0.contains(": error: ") }.count >= 1, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.hasPrefix("site.yml:") })
    }
}
