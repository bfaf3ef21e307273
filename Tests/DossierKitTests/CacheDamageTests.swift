import Foundation
import Testing
@testable import DossierKit

/// One way of damaging a cache file.
enum CacheDamage: CaseIterable {
    case flip, truncate, zero, hugeLength, append

    func apply(to bytes: inout [UInt8], using random: inout SeededRandom) {
        guard !bytes.isEmpty else { bytes = [0xFF]; return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch self {
        case .flip: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case .truncate: bytes.removeSubrange(at...)
        case .zero: for i in at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)) { bytes[i] = 0 }
        case .hugeLength:
            // A little-endian length field overwritten with a huge or negative count.
            let value = [UInt64(0x1F40_0000_0000_0000), UInt64.max, UInt64(Int64.max), UInt64(1 << 40)].randomElement(using: &random)!
            for k in 0..<8 where at + k < bytes.count { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
        case .append: bytes += (0..<Int.random(in: 1...32, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
    }
}

@Suite("A damaged cache: ignored with a warning, never a crash or a wrong site", .serialized)
struct CacheDamageTests {
    static let cacheFiles = ["notes", "articles", "bodies", "last-build", "search", "figures"]

    static func site() throws -> SmallSite {
        let site = try SmallSite()
        for i in 0..<12 {
            try site.write("content/notes/n\(i).md", "---\ntitle: Note \(i)\ndate: 2025-01-\(10 + i)\ntopics: [Kursk]\nsources: [a]\n---\n## Part\n\nBody \(i) ~~struck~~ www.example.org\n")
        }
        return site
    }

    @Test("a length field overwritten with a huge value: a warning, a full build, and the right site")
    func hugeLength() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let notes = site.site.appendingPathComponent(".dossier-cache/notes")
        var bytes = [UInt8](try Data(contentsOf: notes))
        // The count of the first note's topics: after its date (`2025-01-10`) and the flag saying it has no summary.
        let date = Array("2025-01-10".utf8)
        let dateOffset = try #require((0..<bytes.count - date.count).first { bytes[$0..<$0 + date.count].elementsEqual(date) })
        let countOffset = dateOffset + date.count + 1
        #expect(bytes[countOffset] == 1, "the note has one topic")
        for k in 0..<8 { bytes[countOffset + k] = UInt8(truncatingIfNeeded: UInt64(0x1F40_0000_0000_0000) >> (8 * UInt64(k))) }
        try Data(bytes).write(to: notes)
        try site.write("templates/note.mustache", try String(contentsOf: Repo.root.appendingPathComponent("templates/note.mustache"), encoding: .utf8) + "\n")

        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        #expect(result.errors.contains(".dossier-cache/notes: warning: the build cache is damaged; it is ignored and the pages it held are made again"))
        #expect(manifest(site.output) == (try IncrementalTests.coldBuild(of: site)))
        let next = try Dossier.build(site.site)
        #expect(next.status == 0 && !next.errors.contains("damaged"), "the damaged file is replaced by the build")
    }

    @Test("a body changed on disk is noticed when it is read back, and the site is made from the content")
    func damagedBody() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let bodies = site.site.appendingPathComponent(".dossier-cache/bodies")
        let text = try String(contentsOf: bodies, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Body 3", with: "Body X").utf8).write(to: bodies)
        try site.write("templates/note.mustache", try String(contentsOf: Repo.root.appendingPathComponent("templates/note.mustache"), encoding: .utf8) + "\n")
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.warnings.map(\.description) == [".dossier-cache/bodies: warning: the build cache is damaged; it is ignored and the pages it held are made again"])
        #expect(manifest(site.output) == (try IncrementalTests.coldBuild(of: site)))
    }

    /// Damages a random cache file at random, then builds after a template change (so that every page is made
    /// again and every cached body read back). Set `DOSSIER_CACHE_FUZZ` to run more than the CI's 40, and
    /// `DOSSIER_CACHE_FUZZ_SEED` for another sequence.
    @Test("random damage to any cache file: every build succeeds with the site a cold build makes")
    func fuzz() throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["DOSSIER_CACHE_FUZZ"].flatMap(Int.init) ?? 40
        var random = SeededRandom(state: environment["DOSSIER_CACHE_FUZZ_SEED"].flatMap(UInt64.init) ?? 2024_08_06)
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        let original = try String(contentsOf: Repo.root.appendingPathComponent("templates/note.mustache"), encoding: .utf8)
        let variants = [original, original + "\n<!-- b -->\n"]
        var expected: [[String: Data]] = []
        for variant in variants {
            try site.write("templates/note.mustache", variant)
            expected.append(try IncrementalTests.coldBuild(of: site))
        }
        try site.write("templates/note.mustache", variants[0])
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let cache = site.site.appendingPathComponent(".dossier-cache")
        var damages: [String: Int] = [:]
        var noticed = 0
        for run in 0..<runs {
            let file = Self.cacheFiles.randomElement(using: &random)!
            let damage = CacheDamage.allCases.randomElement(using: &random)!
            let url = cache.appendingPathComponent(file)
            var bytes = [UInt8]((try? Data(contentsOf: url)) ?? Data())
            damage.apply(to: &bytes, using: &random)
            try Data(bytes).write(to: url)
            let state = (run + 1) % 2
            try site.write("templates/note.mustache", variants[state])
            let report = try SiteBuild.run(site: site.site, output: site.output)
            #expect(report.warnings.allSatisfy { $0.path.hasPrefix(".dossier-cache/") })
            if !report.warnings.isEmpty { noticed += 1 }
            #expect(manifest(site.output) == expected[state], "run \(run): \(damage) of \(file) gave a wrong site")
            damages["\(damage)", default: 0] += 1
        }
        #expect(damages.count == CacheDamage.allCases.count || runs < 20)
        // Most damage is noticed; the rest fell where it changed nothing (bodies of notes long gone, say).
        #expect(noticed * 2 > runs, "only \(noticed) of \(runs) damaged caches were noticed")
        print("cache fuzz: \(runs) damaged caches, \(noticed) noticed, every build right: \(damages.sorted { $0.key < $1.key })")
    }
}
