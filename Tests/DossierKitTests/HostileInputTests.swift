import Foundation
import Testing
@testable import DossierKit

@Suite("Hostile input: nothing from outside the site, no unreachable page, no alias that matches everything")
struct HostileInputTests {
    static let note = "---\ntitle: Secret\ndate: 2025-01-01\n---\nroot:x:0:0\n"
    static let outsideLink = "symbolic link, outside the site folder; the build reads only files of the site"

    static let cases: [BadInput] = [
        BadInput(name: "a note that links to a file outside the site",
                 edits: [.write("../secret.md", note), .symlink("content/notes/x.md", to: "../../../secret.md")],
                 expected: ["content/notes/x.md: error: leads to OUTSIDE/secret.md through a \(outsideLink)"]),
        BadInput(name: "an article that links to an absolute path outside the site",
                 edits: [.write("../shadow", "root:$6$hash:19000:0:99999:7:::\n"), .symlink("content/articles/x.txt", to: "OUTSIDE/shadow")],
                 expected: ["content/articles/x.txt: error: leads to OUTSIDE/shadow through a \(outsideLink)"]),
        BadInput(name: "an asset that links to a file outside the site",
                 edits: [.write("../shadow", "secret\n"), .symlink("templates/assets/shadow.css", to: "../../../shadow")],
                 expected: ["templates/assets/shadow.css: error: leads to OUTSIDE/shadow through a \(outsideLink)"]),
        BadInput(name: "a notes folder that links outside the site",
                 edits: [.write("../elsewhere/x.md", note), .remove("content/notes"), .symlink("content/notes", to: "../../elsewhere")],
                 expected: ["content/notes/x.md: error: leads to OUTSIDE/elsewhere/x.md through a \(outsideLink)"]),
        BadInput(name: "topics.yml linked from outside", edits: [.write("../topics.yml", "- name: Kursk\n"), .symlink("content/topics.yml", to: "../../topics.yml")],
                 expected: ["content/notes/first.md:4:10: error: unknown topic 'Kursk'",
                            "content/topics.yml: error: leads to OUTSIDE/topics.yml through a \(outsideLink)"]),
        BadInput(name: "a pipe among the assets, which would block a read forever", edits: [.fifo("templates/assets/pipe.css")],
                 expected: ["templates/assets/pipe.css: error: is not a regular file (a pipe, socket or device); the build reads only regular files"]),
        BadInput(name: "a slug with '#'", edits: [.write("content/notes/x.md", "---\ntitle: X\ndate: 2025-01-01\nslug: a#b\n---\nbody\n")],
                 expected: ["content/notes/x.md:4:7: error: slug 'a#b' contains '#', which a link cannot reach as written; use letters, digits, '-', '_', '.' or '~' (try 'a-b')"]),
        BadInput(name: "a slug with '?'", edits: [.write("content/notes/x.md", "---\ntitle: X\ndate: 2025-01-01\nslug: a?b\n---\nbody\n")],
                 expected: ["content/notes/x.md:4:7: error: slug 'a?b' contains '?', which a link cannot reach as written; use letters, digits, '-', '_', '.' or '~' (try 'a-b')"]),
        BadInput(name: "a slug a browser decodes", edits: [.write("content/notes/x.md", "---\ntitle: X\ndate: 2025-01-01\nslug: \"%2e%2e\"\n---\nbody\n")],
                 expected: ["content/notes/x.md:4:7: error: slug '%2e%2e' contains '%', which a link cannot reach as written; use letters, digits, '-', '_', '.' or '~' (try '2e-2e')"]),
        BadInput(name: "an article file name with '#'", edits: [.write("content/articles/b#1.txt", "---\ntitle: B\ndate: 2025-01-01\noutlet: X\n---\nSome text about the region, long enough.\n")],
                 expected: ["content/articles/b#1.txt: error: article id 'b#1' (the file name) contains '#', which a link cannot reach as written; use letters, digits, '-', '_', '.' or '~' (try 'b-1')"]),
        BadInput(name: "an alias of one letter", edits: [.write("content/topics.yml", "- name: Kursk\n  aliases: [a, Kursk incursion]\n")],
                 expected: ["content/topics.yml:2:13: error: alias 'a' is too short: a name or alias needs at least two letters or digits, or it would match almost every article"]),
        BadInput(name: "an alias of spaces", edits: [.write("content/topics.yml", "- name: Kursk\n  aliases: [\"   \"]\n")],
                 expected: ["content/topics.yml:2:13: error: alias '' is blank: a name or alias needs at least two letters or digits"]),
    ]

    @Test("refused with the reason, exit 1, old site kept", arguments: cases)
    func refused(_ input: BadInput) throws {
        try BadInputTests.expectRefused(input)
    }

    @Test("a symbolic link that stays inside the site is read like the file it points to")
    func linkInside() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("drafts/kept.md", "---\ntitle: Kept\ndate: 2025-01-02\n---\nFrom drafts.\n")
        try site.apply(.symlink("content/notes/kept.md", to: "../../drafts/kept.md"))
        try site.write("templates/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.apply(.symlink("templates/assets/logo.svg", to: "../logo.svg"))
        let result = try Dossier.build(site.site)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOf: site.output.appendingPathComponent("notes/kept/index.html"), encoding: .utf8).contains("From drafts."))
        var info = stat()
        #expect(lstat(site.output.appendingPathComponent("assets/logo.svg").path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG,
                "assets are published as regular files")
    }
}
