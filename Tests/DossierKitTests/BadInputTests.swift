import Foundation
import Testing
@testable import DossierKit

/// A change made to a small valid site before building it.
enum Edit: Sendable {
    case write(String, String)
    case bytes(String, [UInt8])
    case remove(String)
    case symlink(String, to: String)
    case fifo(String)
}

/// A small valid site in a temporary folder, built once so that there is a previous output to protect.
struct SmallSite {
    let folder: TempFolder
    var site: URL { folder.url.appendingPathComponent("site") }
    var output: URL { site.appendingPathComponent("public") }

    init() throws {
        folder = try TempFolder()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("templates"), to: site.appendingPathComponent("templates"))
        try write("content/topics.yml", "- name: Kursk\n  aliases: [Kursk incursion]\n")
        try write("content/articles/a.txt", "---\ntitle: A\ndate: 2025-01-01\noutlet: X\n---\nSome text about the Kursk region, long enough.\n")
        try write("content/notes/first.md", "---\ntitle: First\ndate: 2025-01-05\ntopics: [Kursk]\n---\n## Section one\n\nBody\n")
        try write("content/territory.csv", "date,area_km2,claimant,side,method,source,quote,primary,note\n2024-08-12,1000,X,Ukraine,claimed,https://example.org/r,q,,\n")
    }

    func write(_ path: String, _ text: String) throws {
        try folder.write("site/" + path, text)
    }

    func apply(_ edit: Edit) throws {
        let fm = FileManager.default
        switch edit {
        case let .write(path, text): try write(path, text)
        case let .bytes(path, bytes): try Data(bytes).write(to: site.appendingPathComponent(path))
        case let .remove(path): try fm.removeItem(at: site.appendingPathComponent(path))
        case let .symlink(path, target):
            try? fm.removeItem(at: site.appendingPathComponent(path))
            let target = target.replacingOccurrences(of: "OUTSIDE", with: folder.url.path)
            try fm.createSymbolicLink(atPath: site.appendingPathComponent(path).path, withDestinationPath: target)
        case let .fifo(path): #expect(mkfifo(site.appendingPathComponent(path).path, 0o644) == 0)
        }
    }
}

struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [Edit]
    var expected: [String]
    var testDescription: String { name }
}

@Suite("Bad input: every error kind, reported like a compiler, old output kept")
struct BadInputTests {
    static let note = "content/notes/bad.md"
    static func noteFile(_ text: String) -> Edit { .write(note, text) }

    static let cases: [BadInput] = [
        BadInput(name: "front matter not closed", edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\nBody\n")],
                 expected: ["content/notes/bad.md:1:1: error: front matter is not closed: add a line '---' after its last field"]),
        BadInput(name: "YAML syntax error, at the file's line and column",
                 edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\n  bad indent: x\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:13: error: invalid YAML: mapping values are not allowed in this context"]),
        BadInput(name: "YAML flow list not closed",
                 edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\ntopics: [a, b\nsummary: s\n---\nbody\n")],
                 expected: ["content/notes/bad.md:5:8: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        BadInput(name: "field of the wrong type", edits: [noteFile("---\ntitle: {a: b}\ndate: 2025-01-01\n---\nbody\n")],
                 expected: ["content/notes/bad.md:2:8: error: field 'title' must be text, found a mapping"]),
        BadInput(name: "list field given a mapping", edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\ntopics: {a: b}\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:9: error: field 'topics' must be a list of text, found a mapping"]),
        BadInput(name: "missing required fields", edits: [noteFile("---\nsummary: x\n---\nbody\n")],
                 expected: ["content/notes/bad.md:2: error: missing required field 'date'",
                            "content/notes/bad.md:2: error: missing required field 'title'"]),
        BadInput(name: "a date that does not exist", edits: [noteFile("---\ntitle: X\ndate: 2025-02-29\n---\nbody\n")],
                 expected: ["content/notes/bad.md:3:7: error: date '2025-02-29' does not exist"]),
        BadInput(name: "an unknown topic, with the closest one",
                 edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\ntopics: [Kursk incursoin]\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:10: error: unknown topic 'Kursk incursoin'; did you mean 'Kursk incursion'?"]),
        BadInput(name: "two pages with one URL, differing only in case",
                 edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\nslug: First\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4: error: two pages with one URL: this file's page notes/First/index.html is also the page of content/notes/first.md",
                            "content/notes/first.md: error: two pages with one URL: this file's page notes/first/index.html is also the page of content/notes/bad.md"]),
        BadInput(name: "a slug that leaves the output folder", edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\nslug: ../evil\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:7: error: slug '../evil' would leave the output folder"]),
        BadInput(name: "an absolute slug", edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\nslug: /etc/x\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:7: error: slug '/etc/x' contains a path separator"]),
        BadInput(name: "an empty slug", edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\nslug: \"\"\n---\nbody\n")],
                 expected: ["content/notes/bad.md:4:7: error: field 'slug' is empty"]),
        BadInput(name: "a file name that makes no slug", edits: [.write("content/notes/!!!.md", "---\ntitle: X\ndate: 2025-01-01\n---\nbody\n")],
                 expected: ["content/notes/!!!.md: error: slug '' is empty"]),
        BadInput(name: "not valid UTF-8, with the byte offset",
                 edits: [.bytes(note, Array("---\ntitle: X\ndate: 2025-01-01\n---\nb".utf8) + [0xFF] + Array("ody\n".utf8))],
                 expected: ["content/notes/bad.md: error: file is not valid UTF-8 at byte offset 35"]),
        BadInput(name: "an empty file", edits: [.bytes(note, [])], expected: ["content/notes/bad.md: error: file is empty"]),
        BadInput(name: "a binary file with NUL bytes", edits: [.bytes("content/articles/bad.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x62])],
                 expected: ["content/articles/bad.txt: error: file holds a NUL byte at byte offset 4; it looks binary"]),
        BadInput(name: "a bad territory row", edits: [.write("content/territory.csv", "date,area_km2,claimant,side,method,source,quote,primary,note\n2024-08-12,lots,X,Ukraine,claimed,a,q,,\n2024-08-13,10,X,Ukraine,claimed,nope,q,,\n")],
                 expected: ["content/territory.csv:2: error: column 'area_km2': 'lots' is not a number of square kilometres (write 1300 or 1300.5, without separators)",
                            "content/territory.csv:3: error: column 'source': unknown article 'nope'"]),
        BadInput(name: "a template syntax error", edits: [.write("templates/note.mustache", "{{<base}}\n{{$main}}\n{{#x}}open\n{{/main}}\n{{/base}}\n")],
                 expected: ["templates/note.mustache:4:1: error: template error: '{{/main}}' closes 'main' while 'x' is open"]),
        BadInput(name: "a missing content folder", edits: [.remove("content")],
                 expected: ["content: error: missing folder 'content/' in SITE"]),
        BadInput(name: "a missing templates folder", edits: [.remove("templates")],
                 expected: ["templates: error: missing folder 'templates/' in SITE"]),
        BadInput(name: "a symbolic-link loop in content/", edits: [.symlink("content/notes/loop.md", to: "loop.md")],
                 expected: ["content/notes/loop.md: error: symbolic link loop: the link leads back to itself"]),
        BadInput(name: "a folder that links to itself", edits: [.remove("content/notes"), .symlink("content/notes", to: "notes")],
                 expected: ["content/notes: error: symbolic link loop: the link leads back to itself"]),
        BadInput(name: "links to pages, paragraphs and headings that do not exist",
                 edits: [noteFile("---\ntitle: X\ndate: 2025-01-01\n---\nSee [a](../articles/nope/), [b](../articles/a/#p9),\n[c](first.md#nope), [d](../notes/gone/) and [e](../../../etc/passwd).\n")],
                 expected: ["content/notes/bad.md:5:5: error: link to unknown article 'nope'",
                            "content/notes/bad.md:5:29: error: link to unknown paragraph '#p9' of article 'a' (it has #p1 to #p1; the page also has #main, #provenance-heading)",
                            "content/notes/bad.md:6:1: error: link to unknown heading '#nope' of note 'first' (it has #section-one; the page also has #main)",
                            "content/notes/bad.md:6:21: error: link to unknown note 'gone'",
                            "content/notes/bad.md:6:45: error: link to '../../../etc/passwd' leaves the site"]),
    ]

    @Test("the error is printed at its place, the build exits 1 and the old site is untouched", arguments: cases)
    func badInput(_ input: BadInput) throws {
        try Self.expectRefused(input)
    }

    /// Builds a small site, applies `input`'s edits and checks that the next build prints exactly the expected
    /// errors, exits 1, prints nothing on standard output and leaves the previous site as it was.
    static func expectRefused(_ input: BadInput) throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = manifest(site.output)
        for edit in input.edits { try site.apply(edit) }

        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        let errors = result.errors.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        // SITE is the site folder, OUTSIDE the temporary folder around it.
        #expect(errors == input.expected.map {
            $0.replacingOccurrences(of: "SITE", with: site.site.path).replacingOccurrences(of: "OUTSIDE", with: site.folder.url.path)
        })
        #expect(result.errors.contains("build failed: \(input.expected.count) error\(input.expected.count == 1 ? "" : "s")"))
        #expect(manifest(site.output) == before, "the previous output changed")
        #expect(result.output.isEmpty)
    }

    @Test("every error of a run is reported, sorted by file and line, then counted")
    func allErrorsSorted() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/b.md", "---\ntitle: X\ndate: 2025-13-01\ntopics: [nope]\n---\nbody\n")
        try site.write("content/notes/a.md", "---\ntitle: [x]\ndate: 2025-01-01\n---\nbody\n")
        try site.write("content/territory.csv", "date,area_km2,claimant,side,method,source,quote,primary,note\n2024-08-12,1,X,Martians,claimed,a,q,,\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines == [
            "content/notes/a.md:2:8: error: field 'title' must be text, found a list",
            "content/notes/b.md:3:7: error: date '2025-13-01' does not exist",
            "content/notes/b.md:4:10: error: unknown topic 'nope'",
            "content/territory.csv:2: error: column 'side': unknown side 'Martians'; use Ukraine, Russia or independent",
            "build failed: 4 errors, 0 warnings; \(site.output.path) is unchanged",
        ])
    }

    @Test("warnings use the same form and do not fail the build")
    func warnings() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/articles/b.txt", "A scraped text with no date and no headline at all, long enough.\n")
        try site.write("content/topics.yml", "- name: Kursk\n- name: Lonely\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 0)
        #expect(result.errors.split(separator: "\n").map(String.init) == [
            "content/articles/b.txt: warning: no date found in the text or the file name; add 'date:' in front matter",
            "content/articles/b.txt: warning: no headline found in the text; add 'title:' in front matter",
            "content/articles/b.txt: warning: no outlet found in the text; add 'outlet:' in front matter",
            "content/topics.yml: warning: topic 'Lonely' has no notes or articles",
        ])
        #expect(result.output.hasPrefix("built 1 note, 2 articles, 2 topics"))
    }

    @Test("notes may link to the data files and to any file of templates/assets, and to nothing else")
    func linksToFiles() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: site.site.appendingPathComponent("templates/assets/map.png"))
        try site.write("content/notes/files.md", "---\ntitle: F\ndate: 2025-01-01\n---\n[a](/assets/map.png) [b](/assets/style.css) [c](/data/territory.json)\n")
        #expect(try Dossier.build(site.site).status == 0)
        try site.write("content/notes/files.md", "---\ntitle: F\ndate: 2025-01-01\n---\n[a](/assets/gone.png)\n")
        let result = try Dossier.build(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/notes/files.md:5:1: error: link to 'assets/gone.png', which the build does not write"))
    }

    @Test("an output path that is a file, or that cannot be made, is an error")
    func outputPath() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let file = site.folder.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let onFile = try Dossier.build(site.site, output: file)
        #expect(onFile.status == 1)
        #expect(onFile.errors.contains("\(file.path): error: output path \(file.path) is a file, not a folder"))
        let under = try Dossier.build(site.site, output: file.appendingPathComponent("out"))
        #expect(under.status == 1)
        #expect(under.errors.contains("error: cannot create the folder \(file.path) for the output: a file is in the way"))
        #expect(FileManager.default.contents(atPath: file.path) == Data("x".utf8))
    }
}
