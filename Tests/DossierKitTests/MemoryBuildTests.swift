import Foundation
import Testing
@testable import DossierKit

/// Entries of an earlier load, offered back by path and hash: a caching layer that keeps nothing on disk.
struct MemoryReuse: ContentReuse {
    var articles: [String: LoadedFile<Article>] = [:]
    var notes: [String: LoadedFile<Note>] = [:]

    init(_ loaded: LoadedSite) {
        for entry in loaded.articles { articles[entry.value.path] = entry }
        for entry in loaded.notes { notes[entry.value.path] = entry }
    }

    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? { articles[path].flatMap { $0.hash == hash ? $0 : nil } }
    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? { notes[path].flatMap { $0.hash == hash ? $0 : nil } }
    func mayReuseNote(at path: String) -> Bool { notes[path] != nil }
}

@Suite("A build from memory: no cache folder, bodies held by MemoryBodies")
struct MemoryBuildTests {
    static func site() throws -> SmallSite {
        let site = try SmallSite()
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\ntopics: [Kursk]\nsources: [a]\n---\nSee [the first](first.md#section-one) and ~~this~~ *here*.\n")
        return site
    }

    @Test("load, index and render a note page with bodies in memory: the page a disk build writes, and no cache")
    func noteFromMemory() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        var log = DiagnosticLog()
        let siteFiles = SiteFiles(site: site.site)
        let bodies = MemoryBodies()
        let loaded = try SiteLoader.load(siteFiles, reuse: NoReuse(), bodies: bodies, log: &log)
        let index = SiteIndex.build(loaded.content, log: &log)
        let templates = try #require(Templates.load(from: site.site.appendingPathComponent("templates"), site: siteFiles, log: &log))
        #expect(!log.hasErrors, "\(log.items)")
        #expect(loaded.notes.map(\.value.path) == ["content/notes/first.md", "content/notes/second.md"])
        #expect(loaded.articles.map(\.value.path) == ["content/articles/a.txt"])

        let renderer = PageRenderer(templates: templates, index: index, bodies: bodies)
        func render(_ slug: String) throws -> String {
            try renderer.render(try #require(PageRenderer.value(of: NotePage.page(slug), in: index)))
        }
        let page = try render("second")
        #expect(page.contains("<del>this</del> <em>here</em>"))
        #expect(page.contains("<a href=\"../../notes/first/index.html#section-one\">the first</a>"))
        let note = try #require(index.note("second"))
        #expect(try bodies.body(of: note).contains("<del>this</del>"))
        #expect(!FileManager.default.fileExists(atPath: site.site.appendingPathComponent(".dossier-cache").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))

        // The same page, byte for byte, as a build with its cache on disk writes it.
        let disk = try IncrementalTests.coldBuild(of: site)
        #expect(disk["notes/second/index.html"] == Data(page.utf8))
        #expect(disk["notes/first/index.html"] == Data(try render("first").utf8))
    }

    @Test("a body that was never kept, or is not the one the note names, is refused")
    func missingBody() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        var log = DiagnosticLog()
        let bodies = MemoryBodies()
        let notes = try SiteLoader.load(SiteFiles(site: site.site), bodies: bodies, log: &log).content.notes
        var note = try #require(notes.first)
        note.bodyHash = ContentHash("another body")
        #expect(throws: CacheDamaged.self) { try bodies.body(of: note) }
        #expect(throws: CacheDamaged.self) { try MemoryBodies().body(of: notes[0]) }
    }

    @Test("files a reuse offers with their hash are not parsed again; an edited one is")
    func reuse() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        var log = DiagnosticLog()
        let siteFiles = SiteFiles(site: site.site)
        let bodies = MemoryBodies()
        var first = try SiteLoader.load(siteFiles, bodies: bodies, log: &log)
        // A mark on the offered entries shows which were reused: their diagnostics are replayed.
        for i in first.notes.indices {
            first.notes[i].diagnostics.append(Diagnostic(.warning, first.notes[i].value.path, "reused"))
        }
        try site.write("content/notes/second.md", "---\ntitle: Second, edited\ndate: 2025-01-06\n---\nNew body.\n")
        log = DiagnosticLog()
        let second = try SiteLoader.load(siteFiles, reuse: MemoryReuse(first), bodies: bodies, log: &log)
        #expect(log.items.filter { $0.message == "reused" }.map(\.path) == ["content/notes/first.md"])
        #expect(second.content.notes.map(\.title) == ["First", "Second, edited"])
        #expect(try second.content.notes.map { try bodies.body(of: $0) }[1] == "<p>New body.</p>\n")
        #expect(second.notes[0].hash == first.notes[0].hash && second.notes[1].hash != first.notes[1].hash)
    }
}
