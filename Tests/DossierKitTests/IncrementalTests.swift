import Foundation
import Testing
@testable import DossierKit

@Suite("Incremental builds: the cache and the reused tree")
struct IncrementalTests {
    /// The site built cold into a fresh folder, to compare an incremental build with.
    static func coldBuild(of site: SmallSite) throws -> [String: Data] {
        let copy = try TempFolder()
        defer { copy.cleanUp() }
        for part in ["content", "templates"] {
            try FileManager.default.copyItem(at: site.site.appendingPathComponent(part), to: copy.url.appendingPathComponent(part))
        }
        _ = try SiteBuild.run(site: copy.url, output: copy.url.appendingPathComponent("public"))
        return manifest(copy.url.appendingPathComponent("public"))
    }

    /// A cold build and one changed build: from then on there are two trees and updates are incremental.
    static func warm(_ site: SmallSite) throws {
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let before = manifest(site.output)
        try site.write("content/notes/n29.md", "---\ntitle: Note 29\ndate: 2025-01-21\ntopics: [Kursk]\n---\nWarm-up.\n")
        let second = try SiteBuild.run(site: site.site, output: site.output)
        // This build writes a whole second tree, but reports what changed in the published site.
        #expect((second.written, second.removed) == changes(from: before, to: manifest(site.output)))
    }

    /// The files added or changed, and the files gone, between two states of an output (its mark aside).
    static func changes(from old: [String: Data], to new: [String: Data]) -> (written: Int, removed: Int) {
        let site = { (files: [String: Data]) in files.filter { $0.key != OutputMark.name } }
        let (old, new) = (site(old), site(new))
        return (new.filter { old[$0.key] != $0.value }.count, old.keys.filter { new[$0] == nil }.count)
    }

    static func site() throws -> SmallSite {
        let site = try SmallSite()
        for i in 0..<30 {
            try site.write("content/notes/n\(i).md", "---\ntitle: Note \(i)\ndate: 2025-01-\(10 + i % 18)\ntopics: [Kursk]\nsources: [a]\n---\n## Part\n\nBody \(i) ~~struck~~ www.example.org\n")
        }
        return site
    }

    @Test("a rebuild with nothing changed writes nothing and leaves the output as it was")
    func noChange() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        let first = try SiteBuild.run(site: site.site, output: site.output)
        #expect(first.written == first.files)
        let before = manifest(site.output)
        let cacheFiles = ["notes", "articles"].map { site.site.appendingPathComponent(".dossier-cache/" + $0).path }
        let inodes = try cacheFiles.map { try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int }
        let second = try SiteBuild.run(site: site.site, output: site.output)
        #expect(second.written == 0 && second.removed == 0)
        // Cache files holding what they would be written with are left alone (a write replaces the file).
        #expect(try cacheFiles.map { try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int } == inodes)
        #expect(second.warnings == first.warnings)
        #expect((second.notes, second.articles, second.topics, second.pages, second.files)
                == (first.notes, first.articles, first.topics, first.pages, first.files))
        #expect(manifest(site.output) == before)
        #expect(before == (try Self.coldBuild(of: site)))
    }

    @Test("editing one note rewrites only the pages that show it; the output equals a cold build")
    func oneNoteEdited() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        try Self.warm(site)
        try site.write("content/notes/n3.md", "---\ntitle: Note 3\ndate: 2025-01-13\ntopics: [Kursk]\nsources: [a]\n---\n## Part\n\nA new body.\n")
        let before = manifest(site.output)
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect((report.written, report.removed) == Self.changes(from: before, to: manifest(site.output)))
        #expect(report.written <= 4)
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
        try site.write("content/notes/n3.md", "---\ntitle: Note 3\ndate: 2025-01-13\ntopics: [Kursk]\nsources: [a]\n---\n## Part\n\nAnother body.\n")
        let again = try SiteBuild.run(site: site.site, output: site.output)
        // Only the note's own page shows its body; the search index's one shard (a small site has one) and the
        // document table holding the note's snippet change with it.
        #expect(again.written == 1 + 2, "only the note's own page shows its body")
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))

        try site.write("content/notes/n3.md", "---\ntitle: Note three, renamed\ndate: 2025-01-13\ntopics: [Kursk]\nsources: [a]\n---\nBody.\n")
        let renamed = try SiteBuild.run(site: site.site, output: site.output)
        // The note, its topic, the article it cites and the index of notes show its title; the home page and the
        // briefing list only newer notes; and the search index's shard and document table.
        #expect(renamed.written == 4 + 2)
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
    }

    @Test("editing a template re-renders every page; deleting a note removes its folder")
    func templateAndDeletion() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        try Self.warm(site)
        let first = try SiteBuild.run(site: site.site, output: site.output)
        let base = try String(contentsOf: site.site.appendingPathComponent("templates/base.mustache"), encoding: .utf8)
        try site.write("templates/base.mustache", base.replacingOccurrences(of: "Skip to content", with: "Skip to the content"))
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/n7.md"))
        let before = manifest(site.output)
        let report = try SiteBuild.run(site: site.site, output: site.output)
        // Every page but the deleted note's, and the search index's files that changed: the count, the shard and
        // the document tables from the note's place on (documents after it move up one).
        let search = { (files: [String: Data]) in files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".json") } }
        let index = Self.changes(from: search(before), to: search(manifest(site.output))).0
        #expect(index >= 3)
        #expect(report.written == first.pages - 1 + index)
        #expect(report.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/n7").path))
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
    }

    @Test("a topic added to topics.yml tags the cached articles that name it")
    func topicsTagCachedArticles() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/b.txt", "---\ntitle: B\ndate: 2025-01-02\noutlet: Y\n---\nSudzha was the first town taken, in August.\n")
        _ = try SiteBuild.run(site: site.site, output: site.output)
        try site.write("content/topics.yml", "- name: Kursk\n  aliases: [Kursk incursion]\n- name: Sudzha town\n  aliases: [Sudzha]\n")
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let page = try String(contentsOf: site.output.appendingPathComponent("topics/sudzha-town/index.html"), encoding: .utf8)
        #expect(page.contains("articles/b/index.html"))
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
    }

    @Test("a damaged or deleted cache costs time, never correctness")
    func damagedCache() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let cache = site.site.appendingPathComponent(".dossier-cache")
        try Data("garbage".utf8).write(to: cache.appendingPathComponent("notes"))
        try Data().write(to: cache.appendingPathComponent("bodies"))
        try site.write("content/notes/n1.md", "---\ntitle: One\ndate: 2025-01-11\n---\nChanged.\n")
        _ = try SiteBuild.run(site: site.site, output: site.output)
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
        try FileManager.default.removeItem(at: cache)
        try site.write("content/notes/n2.md", "---\ntitle: Two\ndate: 2025-01-12\n---\nChanged too.\n")
        _ = try SiteBuild.run(site: site.site, output: site.output)
        #expect(manifest(site.output) == (try Self.coldBuild(of: site)))
    }

    @Test("files another dossier program wrote are all made again, even where their keys are unchanged")
    func otherProgram() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let page = site.output.appendingPathComponent("notes/n1/index.html")
        let original = try Data(contentsOf: page)
        // A hand edit that keeps the size goes unnoticed by the output's list; only a rewrite undoes it.
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "Body 1", with: "Body X").utf8)
        try edited.write(to: page)
        #expect(try SiteBuild.run(site: site.site, output: site.output).written == 0)
        #expect(try Data(contentsOf: page) == edited)

        let record = site.site.appendingPathComponent(".dossier-cache/last-build").path
        var last = try #require(try LastBuild.load(from: record, name: "last-build"))
        last.program = ContentHash("another build of dossier")
        last.save(to: record)
        let rebuilt = try SiteBuild.run(site: site.site, output: site.output)
        #expect(rebuilt.written == rebuilt.files)
        #expect(try Data(contentsOf: page) == original)
    }

    @Test("notes rendered in parallel come out exactly as rendered one at a time")
    func parallelMatchesSerial() throws {
        // cmark-gfm keeps process-wide state while parsing inlines; a race would drop strikethrough and autolinks.
        let bodies = (0..<2000).map { i in
            "# Note \(i)\n\n~~gone \(i)~~ and www.example\(i).org, https://example.org/\(i) *em* **strong**\n\n| a | b |\n|---|---|\n| ~~\(i)~~ | www.x\(i).org |\n\n- [x] done ~~x~~\n"
        }
        let serial = bodies.map { Markdown.render($0).html }
        let parallel = Parallel.map(bodies) { Markdown.render($0).html }
        #expect(parallel == serial)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"http://www.example") })
    }
}
