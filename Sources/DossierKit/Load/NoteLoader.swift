/// Reads a note: YAML front matter (`title`, `date`, `topics`, `summary`, `sources`, `slug`) and a Markdown body.
enum NoteLoader {
    static let fields = ["title", "date", "topics", "summary", "sources", "slug"]

    /// The note and its rendered body, which the caller puts in the body store.
    static func load(_ text: String, path: String, stem: String, log: inout DiagnosticLog) -> (Note, String)? {
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
        // A note with a bad title or date does not get published (the build has failed), but it is still
        // indexed so that the same run reports its unknown topics, sources and links too.
        guard let dateValue = date?.value ?? Day(year: 1, month: 1, day: 1) else { return nil }

        let page = SitePage.note(slugValue)
        var siteLinks: [Located<SiteLink>] = []
        let lines = LineIndex(document.body)
        // cmark counts columns in bytes; messages count characters, as YAML's do.
        func column(_ link: Markdown.Link) -> Int { lines.scalarColumn(line: link.line, byteColumn: link.column) }
        let rendered = Markdown.render(document.body) { link in
            if link.isImage, URLPolicy.isRemote(link.url), !URLPolicy.isForbidden(link.url) {
                log.warning(path, line: link.line + document.bodyLine - 1, column: column(link),
                            "image '\(link.url)' from another host is left out: pages load nothing from elsewhere")
            }
            guard let target = SiteLink.resolve(link.url, inFolder: "notes") else { return nil }
            siteLinks.append(Located(value: target, line: link.line + document.bodyLine - 1, column: column(link)))
            guard let targetPage = target.page else { return nil }
            return String.rootPrefix(depth: page.depth) + targetPage.path + (target.fragment.map { "#" + $0 } ?? "")
        }
        let note = Note(slug: slugValue, path: path, title: title?.value ?? stem, date: dateValue, summary: summary?.value,
                        topicRefs: topics, sources: sources, body: BodyRef(offset: 0, length: 0, hash: ContentHash(a: 0, b: 0)),
                        sourceHash: ContentHash(a: 0, b: 0), siteLinks: siteLinks, anchors: Set(rendered.anchors),
                        slugLine: slug?.line)
        return (note, rendered.html)
    }
}
