import Foundation
import Testing
@testable import DossierKit

@Suite("The search index: its terms, shards and documents, and the script that reads it")
struct SearchIndexTests {
    static func source(_ url: String, title: String, date: String?, summary: String = "", body: String = "") -> SearchIndex.Source {
        SearchIndex.Source(document: SearchIndex.Document(url: url, title: title, kind: "note", date: date.flatMap { Day(iso: $0) },
                                                          snippet: summary),
                           title: title, summary: [summary], bodyKeys: SearchIndex.bodyKeys(in: [body]))
    }

    /// The JSON of each file, by path.
    static func parsed(_ files: [(path: String, text: String)]) throws -> [String: Any] {
        var out: [String: Any] = [:]
        for file in files {
            out[file.path] = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
        }
        return out
    }

    /// Each term's postings read back from the shards: document number → fields.
    static func postings(_ files: [(path: String, text: String)]) throws -> [String: [Int: Int]] {
        let json = try parsed(files)
        let meta = try #require(json["search/meta.json"] as? [String: Int])
        var terms: [String: [Int: Int]] = [:]
        for n in 0..<(meta["shards"] ?? 0) {
            let shard = try #require(json["search/terms/\(n).json"] as? [String: [Int]], "shard \(n)")
            for (term, list) in shard {
                #expect(SearchIndex.shard(of: term, count: meta["shards"] ?? 0) == n, "\(term) is in shard \(n)")
                var doc = -1
                var map: [Int: Int] = [:]
                for value in list {
                    #expect(value / 8 >= 1 && (1...7).contains(value % 8), "\(term): \(value)")
                    doc += value / 8
                    map[doc] = value % 8
                }
                terms[term] = map
            }
        }
        return terms
    }

    @Test("spellings of a name are one term; fields are told apart; documents are numbered newest first")
    func folding() throws {
        let index = SearchIndex(sources: [
            Self.source("notes/old/index.html", title: "Zelenskyy in Kursk", date: "2024-08-10", body: "Troops crossed the border."),
            Self.source("notes/new/index.html", title: "Border talks", date: "2025-03-01", summary: "Zelenskiy spoke.",
                        body: "Zelens’kyi and Zelenska met troops; Zelensky's plan."),
            Self.source("articles/undated/index.html", title: "Undated", date: nil, body: "troops"),
        ].shuffled())
        let files = index.files
        let terms = try Self.postings(files)
        let zelensky = NameFolding.key("Zelensky")
        #expect(NameFolding.key("Zelenskyy") == zelensky && NameFolding.key("Zelenskiy") == zelensky)
        // Newest first: new is 0, old is 1, undated last.
        #expect(terms[zelensky] == [0: 2 | 1, 1: 4])
        #expect(terms["zelenska"] == [0: 1])
        #expect(terms["troops"] == [0: 1, 1: 1, 2: 1])
        #expect(terms["border"] == [0: 4, 1: 1])
        let json = try Self.parsed(files)
        let docs = try #require(json["search/docs/0.json"] as? [[String]])
        #expect(docs.map { $0[0] } == ["notes/new/index.html", "notes/old/index.html", "articles/undated/index.html"])
        #expect(docs[0] == ["notes/new/index.html", "Border talks", "note", "2025-03-01", "1 March 2025", "Zelenskiy spoke."])
        #expect(docs[2][3] == "" && docs[2][4] == "")
    }

    @Test("the same content in any order gives byte-identical files")
    func determinism() throws {
        var random = SeededRandom(state: 7)
        let sources = (0..<300).map { i in
            Self.source("notes/n\(i)/index.html", title: "Note \(i % 17) Sudzha", date: "2025-01-\(String(format: "%02d", i % 28 + 1))",
                        summary: "Summary \(i % 5)", body: (0..<40).map { "word\(($0 * 31 + i) % 997)" }.joined(separator: " "))
        }
        let first = SearchIndex(sources: sources).files
        for _ in 0..<3 {
            let again = SearchIndex(sources: sources.shuffled(using: &random)).files
            #expect(again.map(\.path) == first.map(\.path))
            for (a, b) in zip(again, first) where a.text != b.text {
                Issue.record("\(a.path) differs at \(a.text.commonPrefix(with: b.text).count): \(a.text.prefix(300)) vs \(b.text.prefix(300))")
            }
        }
    }

    @Test("many documents spread over many shards, each near the aimed size; every shard and chunk is written")
    func sharding() throws {
        let sources = (0..<2000).map { i in
            Self.source("notes/n\(i)/index.html", title: "Title \(i)", date: "2025-02-01",
                        body: (0..<60).map { "term\(($0 * 7919 + i * 104_729) % 20_000)" }.joined(separator: " "))
        }
        let files = SearchIndex(sources: sources).files
        let meta = try #require(try Self.parsed(files)["search/meta.json"] as? [String: Int])
        let shards = try #require(meta["shards"])
        #expect(shards > 8 && shards & (shards - 1) == 0, "\(shards) shards")
        let termFiles = files.filter { $0.path.hasPrefix("search/terms/") }
        #expect(termFiles.count == shards)
        #expect(termFiles.allSatisfy { $0.text.utf8.count < SearchIndex.shardBytes * 3 })
        #expect(files.filter { $0.path.hasPrefix("search/docs/") }.count == (2000 + SearchIndex.chunk - 1) / SearchIndex.chunk)
        let terms = try Self.postings(files)
        #expect(terms["term0"]?.isEmpty == false)
        #expect(terms.values.reduce(0) { $0 + $1.count } == sources.reduce(0) { $0 + $1.terms.count })
    }

    @Test("hostile text: the files stay JSON a browser parses, with no raw '<', and runaway words are left out")
    func hostileText() throws {
        let nasty = "</script><script>alert(1)</script> \"quoted\" back\\slash \u{0}\u{1}\u{1F}\u{2028}\u{2029} 😀 ‮rtl \u{FEFF}"
        let long = String(repeating: "a", count: 5000)
        let files = SearchIndex(sources: [
            Self.source("notes/x/index.html", title: nasty, date: "2025-01-01", summary: nasty, body: nasty + " " + long + " visible"),
        ]).files
        for file in files {
            #expect(!file.text.contains("<"), "\(file.path)")
            _ = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
        }
        let terms = try Self.postings(files)
        #expect(terms["script"] == [0: 7] && terms["alert"] == [0: 7] && terms["visible"] == [0: 1])
        #expect(!terms.keys.contains { $0.utf8.count > SearchIndex.maxTermBytes })
        let docs = try #require(try Self.parsed(files)["search/docs/0.json"] as? [[String]])
        #expect(docs[0][1] == nasty)
    }

    @Test("a rendered body becomes the text a reader sees")
    func bodyText() {
        let html = "<h2 id=\"a\">Head&amp;line</h2>\n<p>It&#39;s <em>here</em>, &lt;b&gt; &#x41;&#66; &bogus; a&nbsp;b</p><p>next</p>"
        #expect(SearchText.plain(fromHTML: html) == " Head&line \n It's  here , <b> AB &bogus; a b  next ")
        #expect(SearchText.plain(fromHTML: "a<unclosed") == "a ")
        #expect(SearchText.plain(fromHTML: "&#1114112; &#xD800; &") == "&#1114112; &#xD800; &")
    }

    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("the script keys words and picks shards exactly as the build does", .enabled(if: node != nil, "needs node"))
    func scriptAgreesWithBuild() throws {
        let samples = ["Zelensky Zelenskyy Zelenskiy Zelens'kyi Zelensʹkyĭ Zelenska Zelenskyy's", "Oleksii Oleksiy Oleksij Syrskyi Syrsky",
                       "Kyiv Kiev Київ Zaluzhnyi Zaluzhniy Zaluzhny", "Sudzha Pokrovsk Dobropillia Kursk’s don't",
                       "ĬÏ Naïve Ĭvanov ÉCOLE Straße İstanbul ΣΊΣΥΦΟΣ 123 4,5 x'y 'quoted' Hłyboke", "i͡akiv Yakiv Iakiv"]
        let script = Repo.root.appendingPathComponent("templates/assets/search.js").path
        let program = """
        const s = require(process.argv[1]);
        const lines = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
        for (const line of lines) console.log(JSON.stringify(s.words(line).map(w => [w, s.shard(w, 1024)])));
        """
        let result = try run(try #require(Self.node), ["-e", program, script], input: samples.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == samples.count)
        for (sample, line) in zip(samples, lines) {
            let fromScript = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[Any]])
            let keys = NameFolding.words(in: sample).map(\.key)
            #expect(fromScript.map { $0[0] as? String } == keys, "\(sample)")
            #expect(fromScript.map { $0[1] as? Int } == keys.map { SearchIndex.shard(of: $0, count: 1024) }, "\(sample)")
        }
    }

    @Test("end to end: the build writes the index, the search page and its policy; other pages load no script")
    func endToEnd() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/second.md", "---\ntitle: Zelenskyy visits\ndate: 2025-01-06\ntopics: [Kursk]\n---\nHe met *troops* near Sudzha &amp; Zelenskiy's aides.\n")
        try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2025-01-07\noutlet: X\n---\nZelens'kyi said troops would stay in the Kursk region.\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        var files: [(path: String, text: String)] = []
        let search = site.output.appendingPathComponent("search")
        for path in try FileManager.default.subpathsOfDirectory(atPath: search.path).sorted() where path.hasSuffix(".json") {
            files.append(("search/" + path, try String(contentsOf: search.appendingPathComponent(path), encoding: .utf8)))
        }
        let terms = try Self.postings(files)
        let docs = try #require(try Self.parsed(files)["search/docs/0.json"] as? [[String]])
        #expect(docs.map { $0[0] } == ["articles/b/index.html", "notes/second/index.html", "notes/first/index.html", "articles/a/index.html"])
        #expect(terms[NameFolding.key("Zelensky")] == [0: 1, 1: 4 | 1])
        #expect(terms["troops"] == [0: 1, 1: 1])
        #expect(terms["kursk"]?.keys.sorted() == [0, 1, 2, 3], "topics are indexed with the summary")
        #expect(terms["em"] == nil, "tags are not words")
        let page = try String(contentsOf: search.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("content=\"default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'\""))
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(page.contains("href=\"../topics/index.html\"") && page.contains("href=\"../articles/index.html\""))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("<script") && !home.contains("script-src"))
        #expect(site.folder.exists("site/public/assets/search.js"))
    }
}

@Suite("Search keys: the fast split gives NameFolding's words exactly")
struct SearchKeysTests {
    @Test("on made-up text of every kind of piece, the keys are NameFolding's")
    func sameAsNameFolding() {
        let pieces = ["Zelenskyy", "Zelens'kyi", "Zelensky's", "don't", "’quoted’", "Київ", "naïve", "x'", "'y", "a1b2", "—", "end.",
                      "(Sudzha)", "km²", "1,294", "ʼtwo", "Syrskyi’s", "ĭa", "e\u{301}", "😀", "tab\tsep", "line\nbreak", "\r\n", " ", "",
                      "fibre-optic", "U.S.", "\"said\"", "a/b;c", "2025-03-13", "km2.", "--", "Sudzha's,", "naïve-ish"]
        var random = SeededRandom(state: 11)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                pieces.randomElement(using: &random)! + ["", " ", "  ", "\n", ",", "'"].randomElement(using: &random)!
            }.joined()
            #expect(SearchIndex.keys(in: text) == NameFolding.words(in: text).map(\.key), "\(text.debugDescription)")
        }
    }
}
