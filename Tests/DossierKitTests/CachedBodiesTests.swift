import Foundation
import Testing
@testable import DossierKit

@Suite("The cache's note bodies: kept on disk, found by path, compacted")
struct CachedBodiesTests {
    /// Loads the site with its cache, as a build does, and remembers what was loaded.
    static func load(_ site: SmallSite, slack: Int = CachedBodies.slack) throws -> (LoadedSite, bodySize: Int) {
        let cache = try BuildCache(site: site.site)
        var log = DiagnosticLog()
        let loaded = try SiteLoader.load(SiteFiles(site: site.site), reuse: cache, bodies: cache.bodies, log: &log)
        try cache.remember(articles: loaded.articles, notes: loaded.notes, slack: slack)
        // Every body reads back as a load with nothing on disk renders it.
        let memory = MemoryBodies()
        let fresh = try SiteLoader.load(SiteFiles(site: site.site), bodies: memory, log: &log).content.notes
        #expect(try loaded.content.notes.map { try cache.bodies.body(of: $0) } == fresh.map { try memory.body(of: $0) })
        return (loaded, try bodiesSize(site))
    }

    static func bodiesSize(_ site: SmallSite) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: site.site.appendingPathComponent(".dossier-cache/bodies").path)[.size] as? Int ?? -1
    }

    static func liveSize(_ site: SmallSite) throws -> Int {
        let memory = MemoryBodies()
        var log = DiagnosticLog()
        return try SiteLoader.load(SiteFiles(site: site.site), bodies: memory, log: &log).content.notes
            .reduce(0) { $0 + (try memory.body(of: $1)).utf8.count }
    }

    @Test("edits append bodies; compacting keeps only the live ones, and the next build reuses every note")
    func compaction() throws {
        let site = try IncrementalTests.site()
        defer { site.folder.cleanUp() }
        let (_, first) = try Self.load(site)
        #expect(first == (try Self.liveSize(site)))

        // Within the slack, edited bodies are appended and the old ones stay.
        try site.write("content/notes/n3.md", "---\ntitle: Note 3\ndate: 2025-01-13\n---\nAn edited body.\n")
        let (_, appended) = try Self.load(site)
        #expect(appended == first + "<p>An edited body.</p>\n".utf8.count)

        try site.write("content/notes/n4.md", "---\ntitle: Note 4\ndate: 2025-01-14\n---\nAnother edited body.\n")
        let (_, grown) = try Self.load(site, slack: 0)
        #expect(grown > appended, "fewer dropped bytes than live ones: no compaction")
        // Most notes gone: the store is compacted.
        for i in 5..<25 { try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/n\(i).md")) }
        let (_, compacted) = try Self.load(site, slack: 0)
        #expect(compacted == (try Self.liveSize(site)))
        #expect(!FileManager.default.fileExists(atPath: site.site.appendingPathComponent(".dossier-cache/bodies.new").path))

        // The notes file records where the compacted store holds each body: nothing is parsed again.
        do {
            let cache = try BuildCache(site: site.site)
            var log = DiagnosticLog()
            let notes = SiteLoader.files(in: site.site.appendingPathComponent("content/notes"), ending: ".md")
            #expect(notes.count == 11 && notes.allSatisfy { cache.mayReuseNote(at: "content/notes/" + $0.0) })
            let again = try SiteLoader.load(SiteFiles(site: site.site), reuse: cache, bodies: cache.bodies, log: &log)
            #expect(again.notes.allSatisfy { cache.note(at: $0.value.path, hash: $0.hash) != nil })
        }
        // ...and reads each body back from where the compacted store holds it.
        #expect(try Self.load(site).bodySize == compacted)
    }

    @Test("a note whose body hash is not the stored body's is refused")
    func wrongHash() throws {
        let site = try IncrementalTests.site()
        defer { site.folder.cleanUp() }
        let (loaded, _) = try Self.load(site)
        let cache = try BuildCache(site: site.site)
        var note = try #require(loaded.content.notes.first { $0.path == "content/notes/n0.md" })
        #expect(try cache.bodies.body(of: note).contains("Body 0"))
        note.bodyHash = try #require(loaded.content.notes.first { $0.path == "content/notes/n1.md" }).bodyHash
        #expect(throws: CacheDamaged.self) { try cache.bodies.body(of: note) }
        note.path = "content/notes/unknown.md"
        #expect(throws: CacheDamaged.self) { try cache.bodies.body(of: note) }
    }
}
