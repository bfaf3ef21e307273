import Foundation
import PropertyBased
import Testing
@testable import DossierKit

/// `dossier new note` and `dossier new article`: the names, front matter and checks they make, and the files
/// they create without ever replacing one.
@Suite("dossier new: notes and articles started the way the build reads them")
struct NewCommandTests {
    static let day = Day(year: 2025, month: 3, day: 1)!

    /// Made-up topics in the shapes topics.yml allows: a slug of its own, aliases, YAML syntax in a name.
    static let topicsYAML = """
        - name: Kursk
          aliases: [Kursk incursion]
        - name: Pokrovsk and Dobropillia
          slug: pokrovsk-dobropillia
          aliases: [Pokrovsk, Dobropillia]
        - name: "Cease-fire: talks, #deals & [drafts]"
          slug: talks
          aliases: ["- peace plan"]
        - name: "null"
        """

    static func knownTopics() -> [Topic] {
        var log = DiagnosticLog()
        let topics = TopicLoader.load(topicsYAML, path: "content/topics.yml", log: &log)
        #expect(!log.hasErrors, "\(log.items)")
        return topics
    }

    /// The note `text` read back by the build's own loader, with what it reported.
    static func load(_ note: NewNote) -> (Note?, DiagnosticLog) {
        var log = DiagnosticLog()
        let loaded = NoteLoader.load(note.text, path: note.path, stem: note.slug, log: &log)?.0
        return (loaded, log)
    }

    // MARK: - Titles and front matter

    static let awkwardTitles = [
        "Kursk: the first week", "#1 on the list", "The \"first\" week", "'Single' quotes", "- a leading dash",
        "[Bracketed] start", "{braces}", "null", "Null", "true", "2025-03-01", "1e3", "key: value # comment",
        "a \\ backslash", "* star", "& ampersand", "! bang", "% per cent", "@ at", "`code`", "| pipe", "> fold",
        "? question", "Ukraine’s “push”, and after", "Zelensky, Syrskyi and the plan", "ends with a colon:",
        "Курськ: перший тиждень", "🇺🇦 a flag first", "zero\u{200B}width inside", "bom\u{FEFF}inside", "--- dashes", "... dots",
        "~ tilde",
        "a: b: c", "many   inner   spaces", "trailing hash #", "%YAML 1.2", "!!str tagged", "*alias", "&anchor x",
        "déjà vu (combining \u{0301})", "<script>alert(1)</script>", "  padded title  ",
    ]

    @Test("a title of any awkward shape is written so that the note loader reads back the same title, date and topics",
          arguments: awkwardTitles)
    func titleRoundTrips(title: String) throws {
        var log = DiagnosticLog()
        let note = try #require(NewNote.make(title: title, topics: ["kursk incursion", "TALKS", "null"], date: Self.day,
                                             known: Self.knownTopics(), log: &log), "\(log.items)")
        let (loaded, loadLog) = Self.load(note)
        let read = try #require(loaded, "\(loadLog.items)\n\(note.text)")
        #expect(loadLog.items.isEmpty, "\(loadLog.items)\n\(note.text)")
        #expect(read.title == title.trimmed)
        #expect(read.date == Self.day)
        #expect(read.slug == note.slug && note.path == "content/notes/\(note.slug).md")
        #expect(read.topicRefs.map(\.value) == ["Kursk", "Cease-fire: talks, #deals & [drafts]", "null"])
        // What the loader read resolves to the topics asked for, as a build resolves it.
        var resolveLog = DiagnosticLog()
        #expect(TopicResolver(topics: Self.knownTopics()).resolve(read.topicRefs, path: note.path, log: &resolveLog)
            == ["kursk", "talks", "null"])
        #expect(!resolveLog.hasErrors)
    }

    @Test("plain words stay plain; anything YAML could read otherwise is quoted")
    func quoting() {
        #expect(YAMLScalar.text("The Sudzha supply road") == "The Sudzha supply road")
        #expect(YAMLScalar.text("Ukraine's push (2025)") == "Ukraine's push (2025)")
        #expect(YAMLScalar.text("Kursk: week") == "\"Kursk: week\"")
        #expect(YAMLScalar.text("say \"no\" \\ there") == "\"say \\\"no\\\" \\\\ there\"")
        #expect(YAMLScalar.text("null") == "\"null\"")
        #expect(YAMLScalar.text("a\u{2028}b\u{1}c\u{1F600}") == "\"a\\u2028b\\u0001c\u{1F600}\"")
        #expect(YAMLScalar.text("line\nbreak") == "\"line\\nbreak\"")
    }

    @Test("any text either makes a note that reads back with its title, or is refused with an error")
    func arbitraryTitles() async {
        let known = Self.knownTopics()
        await propertyCheck(count: 300, input: Arbitrary.text) { title in
            var log = DiagnosticLog()
            guard let note = NewNote.make(title: title, topics: [], date: Self.day, known: known, log: &log) else {
                #expect(log.hasErrors)
                return
            }
            #expect(!log.hasErrors)
            let (loaded, loadLog) = Self.load(note)
            #expect(loaded?.title == title.trimmed, "\(loadLog.items)\n\(note.text)")
            #expect(loaded?.slug == note.slug)
            #expect(!loadLog.hasErrors, "\(loadLog.items)")
        }
    }

    @Test("the file holds the fields the loader reads, a summary only as a comment, and an empty body")
    func fileText() throws {
        var log = DiagnosticLog()
        let note = try #require(NewNote.make(title: "The Sudzha supply road", topics: [], date: Self.day, known: [], log: &log))
        #expect(note.text == """
            ---
            title: The Sudzha supply road
            date: 2025-03-01
            topics: []
            # summary: a sentence or two for lists, the feed and the briefing (remove the '# ' to use it)
            ---


            """)
        #expect(note.path == "content/notes/the-sudzha-supply-road.md")
        let (loaded, _) = Self.load(note)
        #expect(loaded?.summary == nil && loaded?.topicRefs.isEmpty == true)
    }

    static let badTitles: [(String, String)] = [
        ("", "the title is empty"),
        ("   \u{200B} ", "the title is empty"),
        ("!!! — ???", "has no letters or digits"),
        ("two\nlines", "one line of text"),
        ("a\ttab", "one line of text"),
        ("line\u{2028}separator", "one line of text"),
        ("x\u{7F}delete", "one line of text"),
        ("---", "has no letters or digits"),
        (String(repeating: "word ", count: 60), "more than the 255"),
    ]

    @Test("a title that is empty, on several lines, too long or without a letter or digit is an error",
          arguments: badTitles)
    func badTitle(title: String, message: String) {
        var log = DiagnosticLog()
        #expect(NewNote.make(title: title, topics: [], date: Self.day, known: [], log: &log) == nil)
        #expect(log.items.contains { $0.severity == .error && $0.message.contains(message) }, "\(log.items)")
    }

    // MARK: - Topics

    @Test("topics are names, slugs or aliases in any case and spelling; each is written once, by its name")
    func topicsResolve() throws {
        var log = DiagnosticLog()
        let note = try #require(NewNote.make(title: "T", topics: ["KURSK", "kursk-incursion", "dobropillya", "Pokrovsk", "talks"],
                                             date: Self.day, known: Self.knownTopics(), log: &log), "\(log.items)")
        #expect(note.topics == ["Kursk", "Pokrovsk and Dobropillia", "Cease-fire: talks, #deals & [drafts]"])
    }

    @Test("an unknown topic is an error naming it, with the nearest known one, for every unknown topic at once")
    func unknownTopics() {
        var log = DiagnosticLog()
        #expect(NewNote.make(title: "T", topics: ["Kurks", "Pokrovks", "Kursk", "zzzzzzzz"], date: Self.day,
                             known: Self.knownTopics(), log: &log) == nil)
        #expect(log.items.map(\.description) == [
            "content/notes/t.md: error: unknown topic 'Kurks'; did you mean 'Kursk'?",
            "content/notes/t.md: error: unknown topic 'Pokrovks'; did you mean 'Pokrovsk'?",
            "content/notes/t.md: error: unknown topic 'zzzzzzzz'",
        ])
        var none = DiagnosticLog()
        #expect(NewNote.make(title: "T", topics: ["Kursk"], date: Self.day, known: [], log: &none) == nil)
        #expect(none.items.first?.message.contains("no topics in content/topics.yml") == true)
    }

    // MARK: - The day

    @Test("today is the day the instant falls on in the given time zone")
    func today() throws {
        let lateEvening = try #require(ISO8601DateFormatter().date(from: "2025-03-01T23:30:00Z"))
        #expect(Day(lateEvening, in: TimeZone(secondsFromGMT: 0)!) == Day(year: 2025, month: 3, day: 1))
        #expect(Day(lateEvening, in: TimeZone(secondsFromGMT: 2 * 3600)!) == Day(year: 2025, month: 3, day: 2))
        let earlyMorning = try #require(ISO8601DateFormatter().date(from: "2024-03-01T00:30:00Z"))
        #expect(Day(earlyMorning, in: TimeZone(secondsFromGMT: -8 * 3600)!) == Day(year: 2024, month: 2, day: 29))
        #expect(Day(Date(timeIntervalSince1970: -1e12), in: TimeZone(secondsFromGMT: 0)!) == nil)
    }

    // MARK: - Article names

    @Test("an article is named by its date and the headline's first words, cut after a whole word")
    func articleNames() throws {
        let day = try #require(Day(iso: "2024-08-15"))
        #expect(NewArticle.name(headline: "Ukraine forms military administration in Russia's Kursk Oblast, Syrskyi says", date: day)
            == "2024-08-15-ukraine-forms-military-administration-in")
        #expect(NewArticle.name(headline: "Kursk: it's over", date: day) == "2024-08-15-kursk-its-over")
        #expect(NewArticle.name(headline: "Incomprehensibilities notwithstanding, overwhelmingly", date: day)
            == "2024-08-15-incomprehensibilities-notwithstanding")
        #expect(NewArticle.name(headline: String(repeating: "x", count: 100), date: day) == "2024-08-15-" + String(repeating: "x", count: 40))
        #expect(NewArticle.name(headline: "— !!! —", date: day) == nil)
        #expect(Day(iso: "2024-10", allowMonth: true).flatMap { NewArticle.name(headline: "Month only", date: $0) } == "2024-10-month-only")
    }

    @Test("any headline gives a name that is a valid article id within the limits, or none at all")
    func arbitraryHeadlines() async {
        await propertyCheck(count: 300, input: Arbitrary.text) { headline in
            guard let name = NewArticle.name(headline: headline, date: Self.day) else {
                #expect(Slug.make(headline).isEmpty)
                return
            }
            #expect(Slug.problem(with: name) == nil)
            // Scalars, not characters: a slug may start with a combining mark, which joins the hyphen before it.
            #expect(name.unicodeScalars.starts(with: "2025-03-01-".unicodeScalars))
            let words = String(String.UnicodeScalarView(name.unicodeScalars.dropFirst(11)))
            #expect(words.unicodeScalars.count <= NewArticle.maxLength && words.split(separator: "-").count <= NewArticle.maxWords)
            #expect(Slug.make(headline).unicodeScalars.starts(with: words.unicodeScalars))
        }
    }

    // MARK: - Creating files

    @Test("a file is created only where nothing is, not even a dangling link, and a refused one is left as it was")
    func exclusiveCreate() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let file = folder.url.appendingPathComponent("a/new.md")
        #expect(NewFile.create(Data("one".utf8), at: file) == .created)
        #expect(try folder.read("a/new.md") == "one")
        #expect(NewFile.create(Data("two".utf8), at: file) == .exists)
        #expect(try folder.read("a/new.md") == "one")
        let link = folder.url.appendingPathComponent("a/link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.url.appendingPathComponent("target").path)
        #expect(NewFile.create(Data("three".utf8), at: link) == .exists)
        #expect(!folder.exists("target"))
    }

    /// A site folder with `content/topics.yml` and nothing else.
    static func site(topics: String = topicsYAML) throws -> TempFolder {
        let folder = try TempFolder()
        try folder.write("content/topics.yml", topics)
        return folder
    }

    @Test("a note is created in content/notes, made if missing; a second with the same title is refused, the first untouched")
    func createNote() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let note = try NewNote.create(title: "Kursk: the first week", topics: ["kursk"], date: Self.day, site: site.url)
        let written = try site.read(note.path)
        #expect(written == note.text)
        let failure = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "Kursk — the first week!", topics: [], date: Self.day, site: site.url)
        }
        #expect(failure.diagnostics.map(\.description) == ["content/notes/kursk-the-first-week.md: error: \(NewNote.exists)"])
        #expect(try site.read(note.path) == written)
    }

    @Test("nothing is written, not even the notes folder, when a topic is unknown or the title is bad; all problems at once")
    func noteRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let failure = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "ok", topics: ["Kurks"], date: Self.day, site: site.url)
        }
        #expect(failure.diagnostics.map(\.message) == ["unknown topic 'Kurks'; did you mean 'Kursk'?"])
        let both = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "???", topics: ["Kurks"], date: Self.day, site: site.url)
        }
        #expect(both.diagnostics.count == 2)
        #expect(!site.exists("content/notes"))
    }

    @Test("a folder without content/ is not a site, and a topics file with errors stops a note that names topics")
    func notASite() throws {
        let empty = try TempFolder()
        defer { empty.cleanUp() }
        let failure = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "T", topics: [], date: Self.day, site: empty.url)
        }
        #expect(failure.diagnostics.first?.message.contains("no content/ folder") == true)
        #expect(!empty.exists("content"))

        let broken = try Self.site(topics: "- name: Kursk\n- name: [unclosed\n")
        defer { broken.cleanUp() }
        let topicsFailure = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "T", topics: ["Kursk"], date: Self.day, site: broken.url)
        }
        #expect(topicsFailure.diagnostics.contains { $0.path == "content/topics.yml" && $0.severity == .error })
        // Without topics, the topics file is not this command's business.
        #expect(try NewNote.create(title: "T", topics: [], date: Self.day, site: broken.url).path == "content/notes/t.md")
    }

    @Test("content/notes that leads outside the site through a link is refused")
    func notesOutside() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let outside = try TempFolder()
        defer { outside.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("content/notes").path,
                                                   withDestinationPath: outside.url.path)
        let failure = try #require(throws: AuthoringFailed.self) {
            try NewNote.create(title: "T", topics: [], date: Self.day, site: site.url)
        }
        #expect(failure.diagnostics.first?.message.contains("outside the site folder") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)
    }

    // MARK: - Adding articles

    static let scrape = """
        ---
        title: "Made-up report: a front, a town and a road"
        date: 2025-02-14
        outlet: The Example Times
        ---
        Troops of the made-up army moved along the road towards the town on Friday, officials said in a statement.

        The statement gave no figure for the ground taken, and the other side denied any movement at all that day.

        """

    static let undatedScrape = """
        A made-up report without a date: troops moved along the road towards the town, officials said yesterday.

        The statement gave no figure for the ground taken, and the other side denied any movement at all that day.

        """

    @Test("an article is copied byte for byte, named from the date and headline the reader finds, and inspected")
    func addArticle() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        // CRLF line ends and a byte order mark: the copy keeps the bytes the reader was given.
        let bytes = Data([0xEF, 0xBB, 0xBF] + Array(Self.scrape.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let source = site.url.appendingPathComponent("incoming/report.txt")
        try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: source)
        let added = try NewArticle.add(file: source, site: site.url)
        #expect(added.path == "content/articles/2025-02-14-made-up-report-a-front-a.txt")
        #expect(FileManager.default.contents(atPath: site.url.appendingPathComponent(added.path).path) == bytes)
        #expect(added.inspection.path == added.path)
        #expect(added.inspection.title == "Made-up report: a front, a town and a road")
        #expect(added.inspection.text == (try Inspection.inspect(file: site.url.appendingPathComponent(added.path), site: site.url)).text)

        // The same scrape again: refused, the copy untouched.
        let again = try #require(throws: AuthoringFailed.self) { try NewArticle.add(file: source, site: site.url) }
        #expect(again.diagnostics.map(\.description) == ["\(added.path): error: \(NewArticle.exists)"])
        #expect(FileManager.default.contents(atPath: site.url.appendingPathComponent(added.path).path) == bytes)
    }

    @Test("a scrape without a date is refused unless --date gives one, which the copy's name then carries")
    func undatedArticle() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("incoming/x.txt", "---\ntitle: A made-up headline for the test\n---\n" + Self.undatedScrape)
        let source = site.url.appendingPathComponent("incoming/x.txt")
        let failure = try #require(throws: AuthoringFailed.self) { try NewArticle.add(file: source, site: site.url) }
        #expect(failure.diagnostics.map(\.message).contains { $0.hasPrefix("no date found to name the copy from: give it with --date") })
        #expect(!site.exists("content/articles"))

        let dated = try NewArticle.add(file: source, site: site.url, date: Day(iso: "2025-01-31"))
        #expect(dated.path == "content/articles/2025-01-31-a-made-up-headline-for-the.txt")
        #expect(dated.inspection.date == Day(iso: "2025-01-31") && dated.inspection.dateSource == .fileName)
    }

    @Test("--date against a date the reader finds, and a scrape without a headline, are refused")
    func conflictingDateAndNoHeadline() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("incoming/dated.txt", Self.scrape)
        let conflict = try #require(throws: AuthoringFailed.self) {
            try NewArticle.add(file: site.url.appendingPathComponent("incoming/dated.txt"), site: site.url, date: Day(iso: "2025-02-15"))
        }
        #expect(conflict.diagnostics.map(\.message).contains { $0.hasPrefix("the article gives its date as 2025-02-14") })
        // The same date as the reader's is no conflict.
        #expect(try NewArticle.add(file: site.url.appendingPathComponent("incoming/dated.txt"), site: site.url,
                                   date: Day(iso: "2025-02-14")).path.hasPrefix("content/articles/2025-02-14-"))

        try site.write("incoming/headless.txt", "---\ndate: 2025-02-14\n---\n" + Self.undatedScrape.lowercased())
        let headless = try #require(throws: AuthoringFailed.self) {
            try NewArticle.add(file: site.url.appendingPathComponent("incoming/headless.txt"), site: site.url)
        }
        #expect(headless.diagnostics.map(\.message).contains { $0.hasPrefix("no headline found to name the copy from") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("content/articles").path).count == 1)

        // A headline without a letter or digit, and no date: both said at once.
        try site.write("incoming/blank.txt", "---\ntitle: \"— !!! —\"\n---\n" + Self.undatedScrape)
        let blank = try #require(throws: AuthoringFailed.self) {
            try NewArticle.add(file: site.url.appendingPathComponent("incoming/blank.txt"), site: site.url)
        }
        #expect(blank.diagnostics.map(\.message).filter { $0.hasPrefix("no date found") || $0.hasPrefix("the headline '— !!! —' has no letters") }.count == 2,
                "\(blank.diagnostics)")
    }

    static let unreadable: [(String, [UInt8]?, String)] = [
        ("latin1.txt", Array("Caf".utf8) + [0xE9, 0x0A], "not valid UTF-8"),
        ("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "NUL byte"),
        ("empty.txt", [], "file is empty"),
        ("folder.txt", nil, "is a folder"),
        ("missing.txt", [1], "does not exist"),
    ]

    @Test("a file that is not readable UTF-8 text is refused, and nothing is copied", arguments: unreadable)
    func unreadableScrape(name: String, bytes: [UInt8]?, message: String) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let file = site.url.appendingPathComponent(name)
        if let bytes, name != "missing.txt" { try Data(bytes).write(to: file) }
        if bytes == nil { try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true) }
        let failure = try #require(throws: AuthoringFailed.self) { try NewArticle.add(file: file, site: site.url) }
        #expect(failure.diagnostics.contains { $0.path == name && $0.message.contains(message) }, "\(failure.diagnostics)")
        #expect(!site.exists("content/articles"))
    }

    @Test("a scrape already in content/articles is refused: the build reads it there")
    func alreadyInArticles() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("content/articles/report.txt", Self.scrape)
        let failure = try #require(throws: AuthoringFailed.self) {
            try NewArticle.add(file: site.url.appendingPathComponent("content/articles/report.txt"), site: site.url)
        }
        #expect(failure.diagnostics.map(\.message).contains { $0.hasPrefix("is in content/articles already") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("content/articles").path) == ["report.txt"])
    }

    @Test("an article with errors is still copied, and its inspection shows them")
    func articleWithErrors() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("incoming/x.txt", Self.scrape.replacingOccurrences(of: "outlet: The Example Times", with: "url: http://example.org/"))
        let added = try NewArticle.add(file: site.url.appendingPathComponent("incoming/x.txt"), site: site.url)
        #expect(site.exists(added.path))
        #expect(added.inspection.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("url ") })
    }
}

/// The commands themselves, through the built binary, with a fixed `--date` so that no test reads the clock.
@Suite("dossier new through the command line")
struct NewCommandLineTests {
    /// The workplace's real scrapes, beside the repository (not in it): the tests that read them run where they are.
    static let scrapes = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/scrapes")

    @Test("new note writes a note that the next build publishes with its title")
    func noteThenBuild() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let title = "Kursk: \"the\" first week #2 — [draft] <b>"
        let made = try run(Dossier.binary, ["new", "note", title, "--topics", "kursk incursion,KURSK", "--date", "2025-03-01",
                                            "--site", site.site.path])
        #expect(made.status == 0, "\(made.errors)")
        let path = site.site.appendingPathComponent("content/notes/kursk-the-first-week-2-draft-b.md").path
        #expect(made.output == path + "\n")
        #expect(made.errors.isEmpty)
        let built = try Dossier.build(site.site)
        #expect(built.status == 0, "\(built.errors)")
        let page = try String(contentsOf: site.output.appendingPathComponent("notes/kursk-the-first-week-2-draft-b/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>\(HTML.escape(title))</h1>"), "\(page)")
        #expect(page.contains("2025"))
        // In the site folder, the path is printed as the build names it.
        let inside = try run(Dossier.binary, ["new", "note", "Second", "--date", "2025-03-02"], in: site.site)
        #expect(inside.output == "content/notes/second.md\n")
    }

    @Test("a second new note with the same title exits 1 and leaves the first file as it was")
    func noOverwrite() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let arguments = ["new", "note", "Same title", "--date", "2025-03-01", "--site", site.site.path]
        #expect(try run(Dossier.binary, arguments).status == 0)
        let file = site.site.appendingPathComponent("content/notes/same-title.md")
        try Data("edited by hand\n".utf8).write(to: file)
        let again = try run(Dossier.binary, arguments + ["--topics", "kursk"])
        #expect(again.status == 1)
        #expect(again.output.isEmpty)
        #expect(again.errors == "content/notes/same-title.md: error: \(NewNote.exists)\nnothing written\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by hand\n")
    }

    @Test("an unknown topic exits 1, names the nearest topic, and writes nothing")
    func unknownTopic() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let before = manifest(site.site)
        let result = try run(Dossier.binary, ["new", "note", "A note", "--topics", "Kursk", "--topics", "Kurks", "--date", "2025-03-01",
                                              "--site", site.site.path])
        #expect(result.status == 1)
        #expect(result.errors == "content/notes/a-note.md: error: unknown topic 'Kurks'; did you mean 'Kursk'?\nnothing written\n")
        #expect(manifest(site.site) == before)
    }

    @Test("a date that is not YYYY-MM-DD is a usage error", arguments: ["2025-3-1", "2025-02-30", "today"])
    func badDate(date: String) throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let result = try run(Dossier.binary, ["new", "note", "T", "--date", date, "--site", site.site.path])
        #expect(result.status == 64)
        #expect(result.errors.contains("--date must be a day written YYYY-MM-DD, found '\(date)'"))
        #expect(!FileManager.default.fileExists(atPath: site.site.appendingPathComponent("content/notes/t.md").path))
    }

    @Test("each new command's help shows its usage",
          arguments: [(["new", "--help"], "USAGE: dossier new <subcommand>"),
                      (["new", "note", "--help"], "USAGE: dossier new note <title> [--topics <topics> ...] [--date <date>] [--site <site>]"),
                      (["new", "article", "--help"], "USAGE: dossier new article <file> [--date <date>] [--site <site>]")])
    func help(arguments: [String], usage: String) throws {
        let result = try run(Dossier.binary, arguments)
        #expect(result.status == 0)
        #expect(result.output.contains(usage), "\(result.output)")
    }

    /// Every real scrape: copied byte for byte under the name its date and headline give, with the report
    /// `inspect` prints for the copy; or, when the reader finds no date or headline, refused with a message
    /// saying which, and nothing copied.
    @Test("new article copies each real scrape it can name and prints inspect's report; refuses the others",
          .enabled(if: FileManager.default.fileExists(atPath: NewCommandLineTests.scrapes.path), "needs ../shared/scrapes beside the repository"))
    func realScrapes() throws {
        // Whatever scrapes the folder holds: nothing here assumes which, or how many the reader can name.
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.scrapes.path).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(!names.isEmpty)
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let articles = site.site.appendingPathComponent("content/articles")
        var copied = 0
        var withErrors: [String] = []
        for name in names {
            let source = Self.scrapes.appendingPathComponent(name)
            let read = try Inspection.inspect(file: source, site: site.site)
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: articles.path))
            let result = try run(Dossier.binary, ["new", "article", source.path, "--site", site.site.path])
            let after = Set(try FileManager.default.contentsOfDirectory(atPath: articles.path))
            guard let title = read.title, let date = read.date else {
                #expect(result.status == 1, "\(name)")
                #expect(after == before, "\(name)")
                if read.date == nil { #expect(result.errors.contains("no date found to name the copy from"), "\(name)") }
                if read.title == nil { #expect(result.errors.contains("no headline found to name the copy from"), "\(name)") }
                #expect(result.errors.hasSuffix("nothing copied\n"))
                continue
            }
            if result.status == 1, after == before, result.errors.contains(NewArticle.exists) {
                continue  // an earlier scrape of the same day and headline took the name: said, and nothing copied
            }
            copied += 1
            let added = after.subtracting(before)
            let file = try #require(added.first, "\(name): \(result.errors)")
            #expect(added.count == 1)
            #expect(file.hasPrefix(date.iso + "-") && file.hasSuffix(".txt"), "\(file)")
            let words = String(file.dropFirst(date.iso.count + 1).dropLast(4))
            #expect(Slug.make(title).hasPrefix(words) && !words.isEmpty, "\(file) from '\(title)'")
            let copy = articles.appendingPathComponent(file)
            #expect(FileManager.default.contents(atPath: copy.path) == FileManager.default.contents(atPath: source.path), "\(name)")
            let inspected = try run(Dossier.binary, ["inspect", copy.path, "--site", site.site.path])
            #expect(result.output == "added \(site.site.path)/content/articles/\(file), a copy of \(source.path)\n\n" + inspected.output)
            #expect(result.status == inspected.status)
            if inspected.status != 0 { withErrors.append("content/articles/\(file)") }
        }
        // The site builds with the copies in it; the only errors are those the copies' reports showed.
        let built = try Dossier.build(site.site)
        #expect(built.status == (withErrors.isEmpty ? 0 : 1), "\(built.errors)")
        let errors = built.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.allSatisfy { line in withErrors.contains { line.hasPrefix($0 + ":") } }, "\(built.errors)")
        #expect(copied > 0, "the reader named none of \(names.count) scrapes")
    }

    @Test("new article copies an article with errors, prints them in the report, says the copy stays, and exits 1")
    func articleWithErrors() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("incoming/x.txt", NewCommandTests.scrape.replacingOccurrences(of: "outlet: The Example Times", with: "url: http://example.org/"))
        let result = try run(Dossier.binary, ["new", "article", "incoming/x.txt"], in: site.site)
        #expect(result.status == 1)
        let copy = "content/articles/2025-02-14-made-up-report-a-front-a.txt"
        #expect(result.output.hasPrefix("added \(copy), a copy of incoming/x.txt\n\n\(copy): article\n"), "\(result.output)")
        #expect(result.output.contains("\(copy):4:6: error: url "), "\(result.output)")
        #expect(result.errors.contains("the copy has errors and stays in \(copy)"))
        #expect(FileManager.default.fileExists(atPath: site.site.appendingPathComponent(copy).path))
    }

    @Test("new article refuses a file that is not UTF-8 text, copying nothing")
    func articleNotText() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: site.site.appendingPathComponent("latin1.txt"))
        let before = manifest(site.site)
        let result = try run(Dossier.binary, ["new", "article", "latin1.txt", "--date", "2025-01-01"], in: site.site)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors == "latin1.txt: error: file is not valid UTF-8 at byte offset 3\nnothing copied\n")
        #expect(manifest(site.site) == before)
    }

    @Test("new article --date names an undated real scrape, and the build dates it from the name",
          .enabled(if: FileManager.default.fileExists(atPath: NewCommandLineTests.scrapes.path), "needs ../shared/scrapes beside the repository"))
    func undatedRealScrape() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.scrapes.path).filter { $0.hasSuffix(".txt") }.sorted()
        // The first scrape with a headline and no date the reader can find; a folder with none has nothing to try.
        guard let undated = try names.first(where: { name in
            let read = try Inspection.inspect(file: Self.scrapes.appendingPathComponent(name), site: site.site)
            return read.date == nil && read.title != nil
        }) else { return }
        let result = try run(Dossier.binary, ["new", "article", Self.scrapes.appendingPathComponent(undated).path, "--date", "2024-08-20"],
                             in: site.site)
        #expect(result.output.hasPrefix("added content/articles/2024-08-20-"), "\(result.output)\(result.errors)")
        #expect(result.output.contains("\ndate     2024-08-20  [file name]\n"), "\(result.output)")
    }
}
