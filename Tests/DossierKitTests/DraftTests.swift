import Foundation
import Testing
@testable import DossierKit

@Suite("Drafts: notes marked draft: true are checked but not published")
struct DraftTests {
    static func load(_ text: String) -> (Note?, [String]) {
        var log = DiagnosticLog()
        let note = NoteLoader.load(text, path: "content/notes/x.md", stem: "x", log: &log)?.0
        return (note, log.sorted.map(\.description))
    }

    @Test("draft is read as a boolean, false when absent")
    func readsFlag() {
        #expect(Self.load("---\ntitle: T\ndate: 2025-01-01\ndraft: true\n---\nBody\n").0?.isDraft == true)
        #expect(Self.load("---\ntitle: T\ndate: 2025-01-01\ndraft: False\n---\nBody\n").0?.isDraft == false)
        #expect(Self.load("---\ntitle: T\ndate: 2025-01-01\n---\nBody\n").0?.isDraft == false)
    }

    @Test("a draft that is not true or false is an error at its line", arguments: ["yes", "\"true\"", "1", "[true]", ""])
    func badFlag(value: String) {
        let (_, messages) = Self.load("---\ntitle: T\ndate: 2025-01-01\ndraft: \(value)\n---\nBody\n")
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("content/notes/x.md:4:") == true)
        #expect(messages.first?.contains(": error: field 'draft' must be true or false, found ") == true)
    }

    /// A site with a published note citing article `a` under topic Kursk, and a draft doing the same.
    static func site(draftText: String = draft(), extra: [(String, String)] = []) throws -> SmallSite {
        let site = try SmallSite()
        try site.write("content/notes/published.md",
                       "---\ntitle: Published note\ndate: 2025-01-02\ntopics: [Kursk]\nsources: [a]\n---\nSee [first](first.md).\n")
        try site.write("content/notes/secret.md", draftText)
        for (path, text) in extra { try site.write(path, text) }
        return site
    }

    static func draft(_ flag: String = "true", body: String = "## Unpublished heading\n\nWork in progress.\n") -> String {
        "---\ntitle: Secret draft title\ndate: 2025-02-01\ntopics: [Kursk]\nsources: [a]\ndraft: \(flag)\n---\n\(body)"
    }

    @Test("a draft has no page and is in no list, topic page, topic count or citation")
    func keptOut() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        let report = try SiteBuild.run(site: site.site, output: site.output)
        #expect(report.notes == 2 && report.drafts == 1)
        let files = manifest(site.output)
        #expect(files.keys.allSatisfy { !$0.contains("secret") })
        for (path, data) in files where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("Secret draft title"), "\(path) shows the draft")
        }
        #expect(files["notes/published/index.html"] != nil)
        // The same site without the draft file is byte for byte the same.
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/notes/secret.md"))
        let without = try IncrementalTests.coldBuild(of: site)
        #expect(files.filter { $0.key != OutputMark.name } == without.filter { $0.key != OutputMark.name })
    }

    @Test("a draft's own problems are reported: topics, sources, links")
    func draftChecked() throws {
        let site = try Self.site(draftText: "---\ntitle: D\ndate: 2025-02-01\ntopics: [Kursck]\nsources: [b]\ndraft: true\n---\n[x](nowhere.md)\n")
        defer { site.folder.cleanUp() }
        #expect {
            try SiteBuild.run(site: site.site, output: site.output)
        } throws: { error in
            let messages = (error as? BuildFailed)?.diagnostics.map(\.description) ?? []
            return messages.contains { $0.hasPrefix("content/notes/secret.md:4:") && $0.contains("unknown topic 'Kursck'") }
                && messages.contains { $0.hasPrefix("content/notes/secret.md:5:") && $0.contains("unknown source article 'b'") }
                && messages.contains { $0.hasPrefix("content/notes/secret.md:8:1: error: link to unknown note 'nowhere'") }
        }
    }

    @Test("a published note linking to a draft is an error at the link; a draft may link to a draft")
    func linkToDraft() throws {
        let site = try Self.site(extra: [
            ("content/notes/linker.md", "---\ntitle: L\ndate: 2025-01-03\n---\nText, then [the draft](../notes/secret/#unpublished-heading).\n"),
            ("content/notes/other-draft.md", "---\ntitle: O\ndate: 2025-01-04\ndraft: true\n---\n[ok](secret.md) [bad](secret.md#nope)\n"),
        ])
        defer { site.folder.cleanUp() }
        #expect {
            try SiteBuild.run(site: site.site, output: site.output)
        } throws: { error in
            let messages = (error as? BuildFailed)?.diagnostics.map(\.description) ?? []
            return messages == [
                "content/notes/linker.md:5:12: error: link to the draft note 'secret'; publish it (remove draft: true) or drop the link",
                "content/notes/other-draft.md:6:17: error: link to unknown heading '#nope' of draft note 'secret' (it has #unpublished-heading)",
            ]
        }
    }

    @Test("the command's summary says how many drafts were left out")
    func summary() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("built 2 notes (1 draft left out), 1 article,"))
        // A build with nothing changed reports the same.
        #expect(try Dossier.build(site.site).output.hasPrefix("built 2 notes (1 draft left out), 1 article,"))
    }

    @Test("toggling draft and rebuilding warm gives what a cold build gives")
    func warmToggle() throws {
        let site = try Self.site()
        defer { site.folder.cleanUp() }
        _ = try SiteBuild.run(site: site.site, output: site.output)
        for flag in ["false", "true", "false", "true"] {
            try site.write("content/notes/secret.md", Self.draft(flag))
            let report = try SiteBuild.run(site: site.site, output: site.output)
            #expect(report.drafts == (flag == "true" ? 1 : 0))
            let files = manifest(site.output)
            #expect((files["notes/secret/index.html"] != nil) == (flag == "false"))
            #expect(files == (try IncrementalTests.coldBuild(of: site)))
        }
    }
}
