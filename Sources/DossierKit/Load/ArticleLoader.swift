/// Reads a scraped article: optional front matter (`title`, `date`, `outlet`, `url`, `accessed`, `topics`,
/// `summary`) over the raw text, which is cleaned. Front matter wins over what the text suggests; a date the text
/// does not give comes from the file name's `YYYY-MM-DD-` prefix. Where each fact came from is kept as the
/// article's provenance.
enum ArticleLoader {
    static let fields = ["title", "date", "outlet", "url", "accessed", "topics", "summary"]

    static func load(_ text: String, path: String, id: String, matcher: TopicMatcher, log: inout DiagnosticLog) -> Article? {
        read(text, path: path, id: id, matcher: matcher, log: &log)?.article
    }

    /// The article and what the reader made of its text, line numbers counted in the whole file.
    static func read(_ text: String, path: String, id: String, matcher: TopicMatcher,
                     log: inout DiagnosticLog) -> (article: Article, cleaned: CleanedArticle)? {
        if let problem = Slug.problem(with: id) {
            log.error(path, "article id '\(id)' (the file name) \(problem)")
            return nil
        }
        guard let document = FrontMatter.parse(text, path: path, log: &log) else { return nil }
        var cleaned = ArticleCleaner.clean(document.body)
        let offset = document.bodyLine - 1
        for i in cleaned.dropped.indices { cleaned.dropped[i].line += offset }
        for i in cleaned.evidence.indices { cleaned.evidence[i].line += offset }
        var article = Article(id: id, path: path, title: cleaned.headline, date: cleaned.date, outlet: cleaned.outlet,
                              url: nil, summary: nil, topicRefs: [], paragraphs: cleaned.paragraphs)
        func inText(_ field: String) -> FoundIn? {
            cleaned.evidence.first { $0.field == field }.map { .text(line: $0.line, paragraph: $0.paragraph) }
        }
        if cleaned.date != nil { article.provenance.date = inText("date") }
        if cleaned.outlet != nil { article.provenance.outlet = inText("outlet") }
        if let fields = document.fields {
            fields.warnUnknown(known: Self.fields, log: &log)
            if let title = fields.string("title", log: &log) { article.title = title.value }
            if let date = fields.day("date", log: &log) {
                article.date = date.value
                article.provenance.date = .frontMatter(line: date.line)
            }
            if let outlet = fields.string("outlet", log: &log) {
                article.outlet = outlet.value
                article.provenance.outlet = .frontMatter(line: outlet.line)
            }
            if let url = fields.string("url", log: &log) {
                // A page links readers to the original: it must be the report itself, not an outlet's home page.
                if let problem = SourceAddress.problem(with: url.value) {
                    log.error(path, line: url.line, column: url.column,
                              "url \(problem); a source must be the report's own address")
                } else {
                    article.url = url.value
                    article.provenance.url = .frontMatter(line: url.line)
                }
            }
            article.provenance.accessed = fields.day("accessed", log: &log)?.value
            article.summary = fields.string("summary", log: &log)?.value
            article.topicRefs = fields.stringList("topics", log: &log)
            // What front matter sets did not come from the text.
            cleaned.evidence.removeAll { fields.has($0.field) }
        }
        if article.date == nil, let day = Day(iso: String(id.prefix(10))), id.count == 10 || id.dropFirst(10).first == "-" {
            article.date = day
            article.provenance.date = .fileName
        }
        article.namedTopics = matcher.topics(in: ([article.title ?? ""] + article.paragraphs).joined(separator: "\n"))
        if article.paragraphs.isEmpty { log.error(path, "no article text is left after cleaning") }
        for note in cleaned.notes where article.dateSource != .frontMatter { log.warning(path, note) }
        if article.title == nil { log.warning(path, "no headline found in the text; add 'title:' in front matter") }
        if article.date == nil {
            log.warning(path, "no date found in the text or the file name; add 'date:' in front matter")
        }
        if article.outlet == nil { log.warning(path, "no outlet found in the text; add 'outlet:' in front matter") }
        return (article, cleaned)
    }
}

/// Which URLs may be written into a page.
enum URLSafety {
    /// Only plain web addresses: `javascript:`, `data:`, `vbscript:` and every other scheme are refused.
    static func isSafeExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" }
    }
}
