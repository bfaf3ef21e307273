/// Reads a note: YAML front matter (`title`, `date`, `topics`, `summary`, `sources`, `slug`, `draft`) and a Markdown body.
/// In two steps, so that a build reads the next notes while workers render the bodies of the last ones.
enum NoteLoader {
    static let fields = ["title", "date", "topics", "summary", "sources", "slug", "draft"]

    /// A note whose front matter is read and whose body is being rendered.
    struct Started {
        var note: Note
        var body: String
        /// The file's line where the body starts.
        var bodyLine: Int
        var ticket: MarkdownTicket
    }

    /// The note and its rendered body, which the caller keeps in its `NoteBodies`. `markdown` renders the body.
    static func load(_ text: String, path: String, stem: String, log: inout DiagnosticLog,
                     markdown: MarkdownEngine = .inProcess) -> (Note, String)? {
        start(text, path: path, stem: stem, log: &log, markdown: markdown).flatMap { finish($0, markdown: markdown, log: &log) }
    }

    /// Reads the front matter and hands the body to `markdown`.
    static func start(_ text: String, path: String, stem: String, log: inout DiagnosticLog,
                      markdown: MarkdownEngine) -> Started? {
        if let problem = markdown.limits.sizeProblem(bytes: text.utf8.count) {
            log.error(path, problem.message)
            return nil
        }
        guard let document = FrontMatter.parse(text, path: path, log: &log) else { return nil }
        guard let fields = document.fields else {
            log.error(path, line: 1, column: 1, "a note starts with front matter: a line '---', 'title:' and 'date:' fields, and '---'")
            return nil
        }
        fields.warnUnknown(known: Self.fields, log: &log)
        let title = fields.string("title", required: true, log: &log)
        let date = fields.day("date", required: true, log: &log)
        let slug = fields.string("slug", log: &log)
        let slugValue = slug?.value ?? Slug.make(stem)
        if let problem = Slug.problem(with: slugValue) {
            log.error(path, line: slug?.line, column: slug?.column, "slug '\(slugValue)' \(problem)")
            return nil
        }
        let topics = fields.stringList("topics", log: &log)
        let sources = fields.stringList("sources", log: &log)
        let summary = fields.string("summary", log: &log)
        let draft = fields.bool("draft", log: &log)
        // A note with a bad title or date does not get published (the build has failed), but it is still
        // indexed so that the same run reports its unknown topics, sources and links too.
        guard let dateValue = date?.value ?? Day(year: 1, month: 1, day: 1) else { return nil }

        // The body goes to the renderer first, so that a worker renders it while the figures are checked here.
        let ticket = markdown.submit(MarkdownJob(source: document.body, pageDepth: NotePage.page(slugValue).depth))
        UnsourcedFigures.check(document.body, path: path, firstLine: document.bodyLine, log: &log)

        let note = Note(slug: slugValue, path: path, title: title?.value ?? stem, date: dateValue, summary: summary?.value,
                        topicRefs: topics, sources: sources, bodyHash: ContentHash(a: 0, b: 0),
                        sourceHash: ContentHash(a: 0, b: 0), siteLinks: [], anchors: [], slugLine: slug?.line,
                        isDraft: draft?.value ?? false)
        return Started(note: note, body: document.body, bodyLine: document.bodyLine, ticket: ticket)
    }

    /// Waits for the body and completes the note with its links and headings.
    static func finish(_ started: Started, markdown: MarkdownEngine, log: inout DiagnosticLog) -> (Note, String)? {
        let path = started.note.path
        let output: MarkdownJob.Output
        switch markdown.result(started.ticket) {
        case .success(let body): output = body
        case .failure(let problem):
            log.error(path, line: problem.line.map { $0 + started.bodyLine - 1 }, problem.message)
            return nil
        }
        var note = started.note
        let lines = LineIndex(started.body)
        let rendered = output.rendered
        for (link, target) in zip(rendered.links, output.targets) {
            let line = link.line + started.bodyLine - 1
            // cmark counts columns in bytes; messages count characters, as YAML's do.
            func column() -> Int { lines.scalarColumn(line: link.line, byteColumn: link.column) }
            // A link the policy drops has no target: the render dropped it unresolved.
            if link.isImage, URLPolicy.isRemote(link.url), !URLPolicy.isForbidden(link.url) {
                log.warning(path, line: line, column: column(),
                            "image '\(link.url)' from another host is left out: pages load nothing from elsewhere")
            } else if let target {
                note.siteLinks.append(Located(value: target, line: line, column: column()))
            }
        }
        note.anchors = Set(rendered.anchors)
        note.bodyHash = ContentHash(rendered.html)
        return (note, rendered.html)
    }
}
