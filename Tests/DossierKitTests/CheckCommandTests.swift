import Foundation
import Testing

/// Every file and folder under `folder`, with the bytes of each file: what "writes nothing" is checked against.
private func contents(under folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let path = walker?.nextObject() as? String {
        files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data("folder".utf8)
    }
    return files
}

@Suite("dossier check: a build's checks, nothing written")
struct CheckCommandTests {
    @Test("every bad input a build refuses, check refuses with the same errors, exit 1, and writes nothing",
          arguments: BadInputTests.cases)
    func sameErrorsAsBuild(_ input: BadInput) throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        for edit in input.edits { try site.apply(edit) }
        let before = contents(under: site.folder.url)
        let result = try run(Dossier.binary, ["check", site.site.path])
        #expect(result.status == 1)
        let errors = result.errors.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == input.expected.map {
            $0.replacingOccurrences(of: "SITE", with: site.site.path).replacingOccurrences(of: "OUTSIDE", with: site.folder.url.path)
        })
        #expect(result.errors.contains("check failed: \(input.expected.count) error\(input.expected.count == 1 ? "" : "s")"))
        #expect(result.output.isEmpty)
        #expect(contents(under: site.folder.url) == before, "check wrote something")
    }

    @Test("a good site passes with its counts and warnings; no output folder and no cache appear")
    func goodSite() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let before = contents(under: site.folder.url)
        let result = try run(Dossier.binary, ["check", site.site.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("checked 1 note, 1 article, 1 topic, "), "\(result.output)")
        #expect(result.output.contains(": no errors"))
        #expect(contents(under: site.folder.url) == before)
        #expect(!site.folder.exists("site/public") && !site.folder.exists("site/.dossier-cache"))
    }

    @Test("--strict fails on warnings; without it warnings are printed and the check passes")
    func strict() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        // A topic no page names: a warning.
        try site.write("content/topics.yml", "- name: Kursk\n  aliases: [Kursk incursion]\n- name: Pokrovsk\n")
        let lenient = try run(Dossier.binary, ["check", site.site.path])
        #expect(lenient.status == 0)
        #expect(lenient.errors.contains("content/topics.yml: warning: topic 'Pokrovsk' has no notes or articles"), "\(lenient.errors)")
        let strict = try run(Dossier.binary, ["check", "--strict", site.site.path])
        #expect(strict.status == 1)
    }

    @Test("a site a build has cached is checked from the cache without changing it, with the same verdict")
    func usesCacheReadOnly() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = contents(under: site.folder.url)
        #expect(try run(Dossier.binary, ["check", site.site.path]).status == 0)
        try site.write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\ntopics: [Kurks]\n---\nBody\n")
        let edited = contents(under: site.folder.url)
        let result = try run(Dossier.binary, ["check", site.site.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("content/notes/first.md:4:10: error: unknown topic 'Kurks'"), "\(result.errors)")
        #expect(contents(under: site.folder.url) == edited)
        #expect(edited.filter { $0.key.hasPrefix("site/.dossier-cache") } == before.filter { $0.key.hasPrefix("site/.dossier-cache") })
    }
}
