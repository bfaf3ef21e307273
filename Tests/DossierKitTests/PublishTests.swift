import Foundation
import Testing
@testable import DossierKit

@Suite("Nothing lost: atomic publishing and deterministic output", .serialized)
struct PublishTests {
    /// A site big enough that a build takes a while, so that a kill lands in the middle of it.
    static func bigSite(notes: Int, titleSuffix: String) throws -> SmallSite {
        let site = try SmallSite()
        try rewriteNotes(site, count: notes, titleSuffix: titleSuffix)
        return site
    }

    static func rewriteNotes(_ site: SmallSite, count: Int, titleSuffix: String) throws {
        let paragraph = String(repeating: "Supply roads out of Sudzha came under **drone** fire, ~~day~~ and night. ", count: 12)
        for i in 0..<count {
            try site.write("content/notes/n\(i).md", """
            ---
            title: Note \(i) \(titleSuffix)
            date: 2025-01-\(String(format: "%02d", i % 28 + 1))
            topics: [Kursk]
            ---
            ## Part one

            \(paragraph)

            | a | b |
            |---|---|
            | \(i) | x |
            """)
        }
    }

    @Test("a build killed at any moment leaves the old site or the new one, never a mix; the next build cleans up")
    func killedBuilds() throws {
        let site = try Self.bigSite(notes: 1500, titleSuffix: "old")
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let old = manifest(site.output)

        try Self.rewriteNotes(site, count: 1500, titleSuffix: "new")
        let reference = site.folder.url.appendingPathComponent("reference")
        #expect(try Dossier.build(site.site, output: reference).status == 0)
        let new = manifest(reference)
        #expect(old != new)

        var sawOld = 0
        for delay in [0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Dossier.binary)
            process.arguments = ["build", site.site.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = manifest(site.output)
            #expect(now == old || now == new, "after a kill at \(delay) s the output is a mix")
            if now == old { sawOld += 1 }
        }
        #expect(sawOld > 0, "no kill landed before the build finished; the test proves nothing")

        #expect(try Dossier.build(site.site).status == 0)
        #expect(manifest(site.output) == new)
        // What killed builds left is gone; the tree kept for the next build's reuse and the output's lock stay.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".public.") }
        #expect(leftovers.sorted() == [".public.lock", ".public.prev"])
    }

    @Test("a build with nothing to publish still removes what a killed build left beside the output")
    func noChangeBuildCleansUp() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        // A staging tree of a process that is gone, marked as the build marks its trees.
        let parent = site.output.deletingLastPathComponent().path
        let staging = parent + "/.public.staging-4194303"
        try FileManager.default.createDirectory(atPath: staging + "/notes", withIntermediateDirectories: true)
        try OutputMark().write(to: staging)
        try Data("half".utf8).write(to: URL(fileURLWithPath: staging + "/notes/x.html"))
        let result = try Dossier.build(site.site)
        #expect(result.status == 0 && result.output.contains("nothing changed"))
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    @Test("files of deleted content do not linger; content and templates are never modified")
    func deletedContentAndReadOnlyInputs() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/second.md", "---\ntitle: Second\ndate: 2025-01-06\n---\nBody\n")
        #expect(try Dossier.build(site.site).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/second/index.html").path))

        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/second.md"))
        let inputs = manifest(site.site.appendingPathComponent("content")).merging(
            manifest(site.site.appendingPathComponent("templates")).map { ("t/" + $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path)
        #expect(try Dossier.build(site.site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/second").path))
        let after = manifest(site.site.appendingPathComponent("content")).merging(
            manifest(site.site.appendingPathComponent("templates")).map { ("t/" + $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(after == inputs)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path) == siblings)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.site.path).sorted()
        #expect(beside.filter { !$0.hasPrefix(".public.prev") && $0 != ".public.lock" } == [".dossier-cache", "content", "public", "templates"])
    }

    @Test("two builds are byte-identical whatever the file order, time zone, locale and working folder")
    func deterministic() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        // Two copies of the dossier, their files created in opposite orders.
        for (name, reversed) in [("a", false), ("b", true)] {
            for part in ["content", "templates"] {
                let source = Repo.root.appendingPathComponent(part)
                var files = manifest(source).sorted { $0.key < $1.key }
                if reversed { files.reverse() }
                for (path, data) in files {
                    let target = folder.url.appendingPathComponent("\(name)/\(part)/\(path)")
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: target)
                }
            }
        }
        let base = ProcessInfo.processInfo.environment
        var first = base; first["TZ"] = "Pacific/Kiritimati"; first["LANG"] = "de_DE.UTF-8"; first["LC_ALL"] = "de_DE.UTF-8"
        var second = base; second["TZ"] = "America/Los_Angeles"; second["LANG"] = "C"; second["LC_ALL"] = "tr_TR.UTF-8"
        let a = folder.url.appendingPathComponent("a"), b = folder.url.appendingPathComponent("b")
        #expect(try Dossier.build(a, environment: first, in: folder.url).status == 0)
        #expect(try run(Dossier.binary, ["build", "."], environment: second, in: b).status == 0)
        let outA = manifest(a.appendingPathComponent("public")), outB = manifest(b.appendingPathComponent("public"))
        #expect(outA.count > 30)
        #expect(outA.keys.sorted() == outB.keys.sorted())
        for key in outA.keys.sorted() where outA[key] != outB[key] { Issue.record("\(key) differs between builds") }
        let home = String(decoding: outA["index.html"] ?? Data(), as: UTF8.self)
        #expect(!home.contains(ProcessInfo.processInfo.hostName))
    }
}
