import Foundation

/// A note as `dossier new note` starts it: named by its title's slug, with the front matter `NoteLoader` reads
/// filled in and its topics checked against the site's `topics.yml`.
public struct NewNote: Sendable, Equatable {
    public var title: String
    public var date: Day
    /// The file's stem, and so the note's URL segment: `Slug.make` of the title, as the build would make it.
    public var slug: String
    /// The topics' names as `topics.yml` gives them, each once, in the order given.
    public var topics: [String]

    /// `content/notes/<slug>.md`, relative to the site folder.
    public var path: String { "content/notes/\(slug).md" }

    /// The file: `title`, `date` and `topics` (quoted where YAML needs it), the summary as a comment for the editor
    /// to fill in (an empty `summary:` would be an error), and an empty body.
    public var text: String {
        ["---",
         "title: \(YAMLScalar.text(title))",
         "date: \(date.iso)",
         "topics: [\(topics.map(YAMLScalar.text).joined(separator: ", "))]",
         "# summary: a sentence or two for lists, the feed and the briefing (remove the '# ' to use it)",
         "---",
         "", ""].joined(separator: "\n")
    }

    /// The longest file name most file systems take, in bytes.
    static let maxFileName = 255

    /// The note for `title` on `date`, its `topics` (names, slugs or aliases, as a note's `topics:` takes them)
    /// resolved among `known`; `nil` with every problem in `log`: a title that is empty, more than one line, or
    /// without a letter or digit to name the file from; an unknown topic, with the nearest known one.
    static func make(title: String, topics: [String], date: Day, known: [Topic], log: inout DiagnosticLog) -> NewNote? {
        // Trimmed as the loader trims the field, so that what is written reads back the same.
        let title = title.trimmed
        let slug = Slug.make(title)
        let path = slug.isEmpty ? "content/notes" : "content/notes/\(slug).md"
        let errors = log.items.count
        if title.isEmpty {
            log.error(path, "the title is empty")
        } else if let bad = title.unicodeScalars.first(where: Self.isLineBreakOrControl) {
            log.error(path, "the title must be one line of text; it holds the control character U+\(String(bad.value, radix: 16, uppercase: true))")
        } else if let problem = Slug.problem(with: slug) {
            log.error(path, "the title '\(title)' has no letters or digits to name the file from (its slug \(problem))")
        } else if slug.utf8.count + 3 > maxFileName {
            log.error(path, "the title makes a file name of \(slug.utf8.count + 3) bytes, more than the \(maxFileName) a file system takes; shorten the title")
        }
        let resolver = TopicResolver(topics: known)
        let names = Dictionary(known.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var resolved: [String] = []
        for term in topics {
            guard let topic = resolver.slug(of: term) else {
                log.error(path, resolver.unknown(term) + (known.isEmpty ? " (the site has no topics in content/topics.yml)" : ""))
                continue
            }
            if seen.insert(topic).inserted { resolved.append(names[topic] ?? topic) }
        }
        guard log.items.count == errors else { return nil }
        return NewNote(title: title, date: date, slug: slug, topics: resolved)
    }

    /// Makes the note in the site folder `site`, never replacing a file: `O_EXCL`, so that a note made by someone
    /// else meanwhile is refused too. Throws `AuthoringFailed` with every problem, having written nothing.
    public static func create(title: String, topics: [String], date: Day, site: URL) throws -> NewNote {
        var log = DiagnosticLog()
        let folder = NewFile.folder("notes", in: site, log: &log)
        var known: [Topic] = []
        if !topics.isEmpty {
            var topicsLog = DiagnosticLog()
            let text = SiteLoader.readOptional(site.appendingPathComponent("content"), "topics.yml", from: SiteFiles(site: site),
                                               log: &topicsLog, missing: nil)
            known = text.map { TopicLoader.load($0, path: "content/topics.yml", log: &topicsLog) } ?? []
            // A topics file with errors cannot say which topics there are: its errors stop this command too.
            for diagnostic in topicsLog.items where diagnostic.severity == .error { log.append(diagnostic) }
        }
        let note = make(title: title, topics: topics, date: date, known: known, log: &log)
        let file = note.flatMap { note in folder.map { $0.appendingPathComponent("\(note.slug).md") } }
        if let note, let file, NewFile.exists(file) { log.error(note.path, Self.exists) }
        guard !log.hasErrors, let note, let file else { throw AuthoringFailed(diagnostics: log.items) }
        switch NewFile.create(Data(note.text.utf8), at: file) {
        case .created: return note
        case .exists: throw AuthoringFailed(diagnostics: [Diagnostic(.error, note.path, Self.exists)])
        case .failed(let problem): throw AuthoringFailed(diagnostics: [Diagnostic(.error, note.path, "cannot be written: \(problem)")])
        }
    }

    static let exists = "already exists and is left as it is; edit that note, or give the new one another title"

    private static func isLineBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        [.control, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
    }
}
