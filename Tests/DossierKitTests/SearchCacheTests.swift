import Foundation
import Testing
@testable import DossierKit

@Suite("The search index's body terms in the build cache: a warm build's index is a cold build's", .serialized)
struct SearchCacheTests {
    /// The search index files of a built output.
    static func index(_ files: [String: Data]) -> [String: Data] {
        files.filter { $0.key.hasPrefix(SearchIndex.folder + "/") }
    }

    static func site() throws -> SmallSite {
        let site = try IncrementalTests.site()
        try site.write("content/articles/a.txt", "---\ntitle: A\ndate: 2025-01-03\noutlet: X\n---\nKursk was crossed on 6 August.\n\nSudzha fell later.\n")
        try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2025-01-02\noutlet: Y\n---\nSudzha was the first town taken, in August.\n")
        // No summary: the snippet is cut from the body.
        try site.write("content/notes/plain.md", "---\ntitle: Plain\ndate: 2025-01-04\n---\nZaporizhzhia &amp; Dnipro, *again*.\n")
        return site
    }

    @Test("after editing, renaming and deleting notes and editing an article, the index is a cold build's")
    func warmEqualsCold() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let cacheFile = site.site.appendingPathComponent(".dossier-cache/" + SearchTermCache.fileName)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let steps: [(String, () throws -> Void)] = [
            ("edit a note", { try site.write("content/notes/n3.md", "---\ntitle: Note 3\ndate: 2025-01-13\n---\nOboronka and Pokrovsk now.\n") }),
            ("edit the note without a summary", { try site.write("content/notes/plain.md", "---\ntitle: Plain\ndate: 2025-01-04\n---\nKherson instead.\n") }),
            ("rename a note", {
                try FileManager.default.moveItem(at: site.site.appendingPathComponent("content/notes/n5.md"),
                                                 to: site.site.appendingPathComponent("content/notes/renamed.md"))
            }),
            ("delete a note", { try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/n7.md")) }),
            ("edit an article", { try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2025-01-02\noutlet: Y\n---\nMalaya Loknya, not Sudzha.\n") }),
            ("a summary added and the body changed", {
                try site.write("content/notes/n4.md", "---\ntitle: Note 4\ndate: 2025-01-14\nsummary: Kherson, briefly.\n---\nBody 4, then Kupiansk.\n")
            }),
            ("the summary removed, the body unchanged: the snippet is cut from the body", {
                try site.write("content/notes/n4.md", "---\ntitle: Note 4\ndate: 2025-01-14\n---\nBody 4, then Kupiansk.\n")
            }),
            ("two notes with one body", { try site.write("content/notes/twin.md", "---\ntitle: Twin\ndate: 2025-01-05\n---\nKherson instead.\n") }),
        ]
        for (name, step) in steps {
            try step()
            let report = try SiteBuild.run(site: site.site, output: site.output)
            #expect(report.warnings.allSatisfy { !$0.path.hasPrefix(".dossier-cache") }, "\(name)")
            let warm = Self.index(manifest(site.output))
            #expect(!warm.isEmpty)
            #expect(warm == Self.index(try IncrementalTests.coldBuild(of: site)), "\(name): the warm index differs from a cold build's")
        }
        // The cache holds the bodies of this build only: one entry per distinct note body, none of notes gone,
        // and the two articles.
        let cache = try SearchTermCache.load(from: cacheFile.path, name: "search")
        let notes = try FileCache.load(from: site.site.appendingPathComponent(".dossier-cache/notes").path, name: "notes",
                                       format: CacheCoding.noteFormat, key: \.note.path, read: CacheCoding.readStoredNote)
        let bodies = Set(notes.entries.values.map { SearchIndex.noteTermsKey($0.value.note) })
        #expect(bodies.isSubset(of: cache.entries.keys))
        #expect(cache.entries.count == bodies.count + 2)
    }

    @Test("a damaged entry is ignored with a warning, and the index is made from the content")
    func damagedEntry() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let cacheFile = site.site.appendingPathComponent(".dossier-cache/" + SearchTermCache.fileName)
        // A key of one entry changed in place (same length): the file no longer matches its hash.
        let bytes = [UInt8](try Data(contentsOf: cacheFile))
        let key = Array("sudzha".utf8)
        let at = try #require((0..<bytes.count - key.count).first { bytes[$0..<$0 + key.count].elementsEqual(key) })
        var damaged = bytes
        damaged.replaceSubrange(at..<at + key.count, with: Array("kherso".utf8))
        try Data(damaged).write(to: cacheFile)
        try site.write("content/notes/n1.md", "---\ntitle: Note 1\ndate: 2025-01-11\n---\nChanged.\n")
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.warnings.map(\.description)
                == [".dossier-cache/search: warning: the build cache is damaged; it is ignored and the pages it held are made again"])
        #expect(Self.index(manifest(site.output)) == Self.index(try IncrementalTests.coldBuild(of: site)))
        // The build wrote the cache again: the next one trusts it and warns no more.
        let next = try SiteBuild.run(site: site.site, output: site.output)
        #expect(next.warnings.isEmpty)
    }

    @Test("an entry that is not what a build writes is refused even when its file's hash is right")
    func malformedEntry() throws {
        let path = try TempFolder()
        defer { path.cleanUp() }
        let file = path.url.appendingPathComponent("search").path
        SearchTermCache.save([ContentHash("x"): BodyTerms(keys: ["kursk", String(repeating: "a", count: SearchIndex.maxTermBytes + 1)], snippet: "")],
                             to: file)
        #expect(throws: CacheDamaged.self) { try SearchTermCache.load(from: file, name: "search") }
        SearchTermCache.save([ContentHash("x"): BodyTerms(keys: ["kursk", "sudzha"], snippet: "Kursk, Sudzha")], to: file)
        #expect(try SearchTermCache.load(from: file, name: "search")[ContentHash("x")] == BodyTerms(keys: ["kursk", "sudzha"], snippet: "Kursk, Sudzha"))
        // A key with the separator in it (no key the build makes has one) would read back as two: refused.
        SearchTermCache.save([ContentHash("x"): BodyTerms(keys: ["a\u{0}b"], snippet: "")], to: file)
        #expect(throws: CacheDamaged.self) { try SearchTermCache.load(from: file, name: "search") }
    }

    @Test("entries read back as written: no keys, one, many, and keys beyond ASCII")
    func roundTrip() throws {
        let path = try TempFolder()
        defer { path.cleanUp() }
        let file = path.url.appendingPathComponent("search").path
        let entries = [ContentHash("none"): BodyTerms(keys: [], snippet: "Only a snippet"),
                       ContentHash("one"): BodyTerms(keys: ["kursk"], snippet: ""),
                       ContentHash("many"): BodyTerms(keys: BodyKeys((0..<500).map { "w\($0)" } + ["ж", "syrskyi", String(repeating: "z", count: SearchIndex.maxTermBytes)]), snippet: "")]
        SearchTermCache.save(entries, to: file)
        #expect(try SearchTermCache.load(from: file, name: "search").entries == entries)
    }

    @Test("a body's keys held as one string give back the keys they were made of")
    func bodyKeysRoundTrip() {
        var random = SeededRandom(state: 7)
        let alphabet = Array("abcxyz019жüß")
        for _ in 0..<200 {
            let keys = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                String((0..<Int.random(in: 1...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            }
            let held = BodyKeys(keys)
            #expect(held.all == keys && held.count == keys.count)
            #expect(BodyKeys(joined: held.joined, count: held.count) == held)
        }
    }

    @Test("keys read back are refused unless a build could have written them", arguments: [
        ("", 1), ("a", 0), ("a", 2), ("a\u{0}b", 1), ("a\u{0}\u{0}b", 3), ("\u{0}a", 2), ("a\u{0}", 2), ("", -1),
        (String(repeating: "z", count: SearchIndex.maxTermBytes + 1), 1),
    ])
    func bodyKeysRefused(joined: String, count: Int) {
        #expect(BodyKeys(joined: joined, count: count) == nil)
    }

    /// The terms of a document as they were made before body keys were cached: every occurrence added in turn.
    static func reference(title: String, summary: [String], body: [String]) -> [(String, UInt8)] {
        var fields: [String: UInt8] = [:]
        func add(_ text: String, _ field: UInt8) {
            for key in SearchIndex.keys(in: text) where key.utf8.count <= SearchIndex.maxTermBytes {
                if let had = fields[key] { fields[key] = had | field }
                else if fields.count < SearchIndex.maxTermsPerDocument { fields[key] = field }
            }
        }
        add(title, SearchIndex.Field.title)
        for text in summary { add(text, SearchIndex.Field.summary) }
        for text in body { add(text, SearchIndex.Field.body) }
        return fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    @Test("distinct body keys give the terms every occurrence gives, past the cap on terms too")
    func distinctKeysSameTerms() {
        var random = SeededRandom(state: 14)
        let words = (0..<(SearchIndex.maxTermsPerDocument + 500)).map { "w\($0)" }
        for _ in 0..<4 {
            // A title word that the body repeats only after the cap is reached still gets the body's flag.
            let title = "Kursk \(words.randomElement(using: &random)!)"
            let summary = ["Sudzha \(words.randomElement(using: &random)!)", "Zaporizhzhia"]
            var body = words.shuffled(using: &random)
            body.insert(contentsOf: ["Kursk", "Ünïcode-word", "Kursk", String(repeating: "x", count: 80)], at: Int.random(in: 0...body.count, using: &random))
            let paragraphs = [body[..<(body.count / 2)].joined(separator: " "), body[(body.count / 2)...].joined(separator: "\n")]
            let made = SearchIndex.terms(title: title, summary: summary, bodyKeys: SearchIndex.bodyKeys(in: paragraphs))
            let expected = Self.reference(title: title, summary: summary, body: paragraphs)
            #expect(made.count == Set(made.map(\.term)).count, "a term twice")
            #expect(Dictionary(uniqueKeysWithValues: made.map { ($0.term, $0.fields) }) == Dictionary(uniqueKeysWithValues: expected))
        }
    }
}
