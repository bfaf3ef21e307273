import Foundation
import Testing
@testable import DossierKit

@Suite("The area figures kept between builds")
struct AreaFigureCacheTests {
    static let figures: [ContentHash: [AreaFigure]] = [
        ContentHash("one"): [
            AreaFigure(km2: 1300, kind: .peak, claimant: nil, quotes: [.init(paragraph: 0, sentence: "At its peak, 1,300 km².", text: "1,300 km²")]),
            AreaFigure(km2: 78.5, kind: .held, claimant: "Syrskyi",
                       quotes: [.init(paragraph: 2, sentence: "Now 78.5 km².", text: "78.5 km²"), .init(paragraph: 9, sentence: "Ж é 🇺🇦", text: "78.5")]),
        ],
        ContentHash("none"): [],
    ]

    @Test("what is saved is read back the same; a damaged file is refused, another format's is not used")
    func roundTrip() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.url.appendingPathComponent("figures").path
        AreaFigureCache.save(Self.figures, to: path)
        #expect(try AreaFigureCache.load(from: path, name: "figures") == Self.figures)

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: CacheDamaged.self) { try AreaFigureCache.load(from: path, name: "figures") }

        var other = CacheFile.writer(format: "dossier-figures-cache-0")
        other.int(0)
        CacheFile.write(&other, to: path)
        #expect(try AreaFigureCache.load(from: path, name: "figures").isEmpty)
    }

    static func figures(in site: SmallSite) throws -> [ContentHash: [AreaFigure]] {
        try AreaFigureCache.load(from: site.site.appendingPathComponent(".dossier-cache/figures").path, name: "figures")
    }

    static func article(_ area: String) -> String {
        "---\ntitle: Held\ndate: 2025-03-01\noutlet: X\n---\nUkraine's forces held \(area) square kilometres of the Kursk region on Saturday, the general staff said.\n"
    }

    /// Built in this process: a cache file is read only by the program that wrote it.
    @Test("a build keeps each article's figures; the next takes them from the cache, and finds an edited article's anew")
    func reusedAcrossBuilds() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/held.txt", Self.article("1,300"))
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let first = try Self.figures(in: site)
        #expect(first.count == 2, "one entry per article text: \(first)")
        let (key, held) = try #require(first.first { !$0.value.isEmpty })
        #expect(held.map(\.km2) == [1300])

        // The kept figure stands for the text until the text changes: a figure planted under its key is taken as
        // found (nothing finds the figures again to correct it), so the cache is what the build used.
        var planted = first
        planted[key] = held.map { var figure = $0; figure.km2 = 4321; return figure }
        AreaFigureCache.save(planted, to: site.site.appendingPathComponent(".dossier-cache/figures").path)
        try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\ntopics: [Kursk]\n---\n## Section one\n\nEdited\n")
        _ = try SiteBuild.run(site: site.site, output: site.output)
        #expect(try Self.figures(in: site) == planted)

        try site.write("content/articles/held.txt", Self.article("1,400"))
        _ = try SiteBuild.run(site: site.site, output: site.output)
        let edited = try Self.figures(in: site)
        #expect(edited.count == 2 && edited[key] == nil, "the old text's entry is dropped")
        #expect(edited.values.flatMap { $0 }.map(\.km2) == [1400])
    }
}
