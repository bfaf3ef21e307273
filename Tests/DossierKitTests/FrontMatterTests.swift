import Foundation
import Testing
@testable import DossierKit

@Suite("Front matter and notes")
struct FrontMatterTests {
    /// The note (with its rendered body as `html`) and the diagnostics.
    func load(_ text: String) -> (LoadedNote?, [Diagnostic]) {
        var log = DiagnosticLog()
        let loaded = NoteLoader.load(text, path: "content/notes/x.md", stem: "x", log: &log)
        return (loaded.map { LoadedNote(note: $0.0, html: $0.1) }, log.sorted)
    }

    @dynamicMemberLookup
    struct LoadedNote {
        let note: Note
        let html: String
        subscript<T>(dynamicMember keyPath: KeyPath<Note, T>) -> T { note[keyPath: keyPath] }
    }

    @Test("a complete note is read with its fields")
    func complete() throws {
        let (note, diagnostics) = load("""
        ---
        title: "A: title"
        date: 2025-03-17
        topics: [Kursk, Drones]
        summary: Short.
        sources:
          - some-article
        ---
        Body *here*.
        """)
        #expect(diagnostics.isEmpty)
        let n = try #require(note)
        #expect(n.title == "A: title")
        #expect(n.date == Day(year: 2025, month: 3, day: 17))
        #expect(n.topicRefs.map(\.value) == ["Kursk", "Drones"])
        #expect(n.topicRefs.first?.line == 4)
        #expect(n.sources.map(\.value) == ["some-article"])
        #expect(n.sources.first?.line == 7)
        #expect(n.summary == "Short.")
        #expect(n.slug == "x")
        #expect(n.html == "<p>Body <em>here</em>.</p>\n")
    }

    @Test("an explicit slug replaces the file's stem")
    func slug() {
        let (note, _) = load("---\ntitle: T\ndate: 2025-01-01\nslug: my-page\n---\nx")
        #expect(note?.slug == "my-page")
    }

    @Test("an unclosed block is an error at line 1")
    func unclosed() {
        let (note, diagnostics) = load("---\ntitle: T\ndate: 2025-01-01\nBody")
        #expect(note == nil)
        #expect(diagnostics.map(\.description) == ["content/notes/x.md:1:1: error: front matter is not closed: add a line '---' after its last field"])
    }

    @Test("a YAML syntax error is reported at the file's line, not YAML's")
    func yamlError() throws {
        let (_, diagnostics) = load("---\ntitle: T\ndate: 2025-01-01\ntopics: [a, b\n---\nBody")
        let d = try #require(diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.message.hasPrefix("invalid YAML"))
        #expect((d.line ?? 0) >= 4 && (d.line ?? 0) <= 5)
    }

    @Test("missing required fields are each reported")
    func missing() {
        let (_, diagnostics) = load("---\nsummary: s\n---\nBody")
        #expect(diagnostics.map(\.message).sorted() == ["missing required field 'date'", "missing required field 'title'"])
    }

    @Test("a field of the wrong type is an error at its line and column")
    func wrongType() {
        let (_, diagnostics) = load("---\ntitle: [a, b]\ndate: 2025-01-01\n---\nBody")
        #expect(diagnostics.map(\.description) == ["content/notes/x.md:2:8: error: field 'title' must be text, found a list"])
    }

    @Test("a date that does not exist, and one in the wrong shape", arguments: [
        ("2025-02-30", "date '2025-02-30' does not exist"),
        ("17 March 2025", "field 'date' must be a date written YYYY-MM-DD, found '17 March 2025'"),
    ])
    func badDate(value: String, message: String) {
        let (_, diagnostics) = load("---\ntitle: T\ndate: \(value)\n---\nBody")
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.line == 3)
    }

    @Test("unknown fields are warnings with a suggestion")
    func unknownField() {
        let (note, diagnostics) = load("---\ntitle: T\ndate: 2025-01-01\ntpoics: [a]\n---\nBody")
        #expect(note != nil)
        #expect(diagnostics.map(\.description) == ["content/notes/x.md:4:1: warning: unknown field 'tpoics' is ignored; did you mean 'topics'?"])
    }

    @Test("CRLF line endings and a byte order mark are read like plain text")
    func crlfAndBOM() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\nBody\r\n".utf8)
        let text = try SourceText.decode(Data(bytes)).get()
        let (note, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        #expect(note?.title == "T")
        #expect(note?.html == "<p>Body</p>\n")
    }

    @Test("a file that is not UTF-8, empty or binary is refused with the byte offset")
    func badBytes() {
        #expect(SourceText.decode(Data([0x61, 0x62, 0xFF, 0x63])) == .failure(.invalidUTF8(offset: 2)))
        #expect(SourceText.decode(Data([0x61, 0x00])) == .failure(.nulByte(offset: 1)))
        #expect(SourceText.decode(Data("  \n".utf8)) == .failure(.empty))
        #expect(SourceText.decode(Data([0xC3, 0xA9])) == .success("é"))
    }
}

@Suite("Days and slugs")
struct DayAndSlugTests {
    @Test("ISO dates are parsed strictly, leap years included")
    func days() {
        #expect(Day(iso: "2024-02-29")?.display == "29 February 2024")
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2025-13-01") == nil)
        #expect(Day(iso: "2025-3-1") == nil)
        #expect(Day(iso: "2024-10") == nil)
        #expect(Day(iso: "2024-10", allowMonth: true)?.display == "October 2024")
        #expect(Day(iso: "2024-10", allowMonth: true)?.iso == "2024-10")
        #expect(Day(iso: "2024-10-01")! > Day(iso: "2024-10", allowMonth: true)!)
        #expect(Day(iso: "2025-03-01")!.ordinal - Day(iso: "2025-02-28")!.ordinal == 1)
    }

    @Test("slugs are made from names", arguments: [
        ("North Korean troops", "north-korean-troops"), ("Cease-fire and talks", "cease-fire-and-talks"),
        ("Putin’s “victory”", "putins-victory"), ("  Kursk  ", "kursk"), ("Über Kyiv", "über-kyiv"),
    ])
    func slugs(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test("slugs that would leave the output folder are refused", arguments: ["", "..", "../x", "a/b", ".hidden", "a b"])
    func badSlugs(slug: String) {
        #expect(Slug.problem(with: slug) != nil)
    }
}
