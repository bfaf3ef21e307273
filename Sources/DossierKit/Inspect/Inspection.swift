import Foundation

/// What the build makes of one content file, without building: for an article, every field with the line it
/// came from, the kept paragraphs, each dropped line with its rule, the area figures and the topics; for a
/// note, its fields and problems. The editor's way to see why a scrape came out as it did.
public struct Inspection: Sendable {
    public enum Kind: String, Sendable { case article, note }

    public struct Figure: Sendable {
        public var km2: Double
        public var kind: String
        public var claimant: String?
        /// 1-based paragraph numbers, as in the page's `#pN` anchors, with the sentence quoted there.
        public var quotes: [(paragraph: Int, sentence: String, text: String)]
    }

    public var path: String
    public var kind: Kind
    public var title: String?
    public var date: Day?
    public var dateSource: DateSource?
    public var outlet: String?
    public var url: String?
    /// Where the outlet, url and date were found, and the retrieval date; an article's only.
    public var provenance = ArticleProvenance()
    public var summary: String?
    public var paragraphs: [String] = []
    public var dropped: [DroppedLine] = []
    public var evidence: [Evidence] = []
    public var figures: [Figure] = []
    public var topics: [(name: String, term: String, found: String)] = []
    public var diagnostics: [Diagnostic] = []

    /// Reads `file` (an article's `.txt` or a note's `.md`) with the topics of the site in `site`; a note's
    /// Markdown is parsed as `options` say a build parses it.
    public static func inspect(file: URL, site: URL, options: BuildOptions = BuildOptions()) throws -> Inspection {
        let path = relativePath(of: file, in: site)
        guard access(file.path, F_OK) == 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file.path]) }
        var log = DiagnosticLog()
        // The file may lie outside the site (a scrape not yet added), but a pipe or a huge file is still refused.
        guard let data = SiteFiles.regularFile(at: file, path: path, log: &log) else {
            return Inspection(path: path, kind: file.pathExtension == "md" ? .note : .article, diagnostics: log.sorted)
        }
        // The topics file's own problems belong to a build, not to this file.
        var topicsLog = DiagnosticLog()
        let (config, _) = SiteLoader.readConfig(SiteFiles(site: site), log: &topicsLog)
        let topicsText = SiteLoader.readOptional(site.appendingPathComponent("content"), "topics.yml", from: SiteFiles(site: site), log: &topicsLog,
                                                 missing: "no topics file")
        let topics = topicsText.map { TopicLoader.load($0, path: "content/topics.yml", log: &topicsLog) } ?? []
        let name = file.lastPathComponent
        guard let text = SiteLoader.decodeText(data, path: path, log: &log) else {
            return Inspection(path: path, kind: name.hasSuffix(".md") ? .note : .article, diagnostics: log.sorted)
        }
        if name.hasSuffix(".md") {
            let markdown = MarkdownEngine(options)
            defer { markdown.stop() }
            return note(text, path: path, stem: String(name.dropLast(3)), markdown: markdown, log: &log)
        }
        let id = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        return article(text, path: path, id: id, topics: topics, focus: config.territory.focus, log: &log)
    }

    static func article(_ text: String, path: String, id: String, topics: [Topic], focus: [String], log: inout DiagnosticLog) -> Inspection {
        let matcher = TopicMatcher(topics: topics)
        var inspection = Inspection(path: path, kind: .article)
        guard let (article, cleaned) = ArticleLoader.read(text, path: path, id: id, matcher: matcher, log: &log) else {
            inspection.diagnostics = log.sorted
            return inspection
        }
        inspection.title = article.title
        inspection.date = article.date
        inspection.dateSource = article.dateSource
        inspection.outlet = article.outlet
        inspection.url = article.url
        inspection.provenance = article.provenance
        inspection.summary = article.summary
        inspection.paragraphs = article.paragraphs
        inspection.dropped = cleaned.dropped
        inspection.evidence = cleaned.evidence
        let names = Dictionary(topics.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let searched = ([article.title ?? ""] + article.paragraphs).joined(separator: "\n")
        inspection.topics = matcher.matches(in: searched).map { (names[$0.slug] ?? $0.slug, $0.term, $0.found) }
        inspection.figures = AreaExtractor.figures(in: article.paragraphs, focus: focus).map { figure in
            Figure(km2: figure.km2, kind: figure.kind.rawValue, claimant: figure.claimant,
                   quotes: figure.quotes.map { ($0.paragraph + 1, $0.sentence, $0.text) })
        }
        inspection.diagnostics = log.sorted
        return inspection
    }

    static func note(_ text: String, path: String, stem: String, markdown: MarkdownEngine,
                     log: inout DiagnosticLog) -> Inspection {
        var inspection = Inspection(path: path, kind: .note)
        if let (note, _) = NoteLoader.load(text, path: path, stem: stem, log: &log, markdown: markdown) {
            inspection.title = note.title
            inspection.date = note.date
            inspection.dateSource = .frontMatter
            inspection.summary = note.summary
            inspection.topics = note.topicRefs.map { ($0.value, $0.value, $0.value) }
        }
        inspection.diagnostics = log.sorted
        return inspection
    }

    /// `content/articles/x.txt` for a file inside the site; the path as given otherwise.
    static func relativePath(of file: URL, in site: URL) -> String {
        let filePath = file.standardizedFileURL.path
        let sitePath = site.standardizedFileURL.path
        let prefix = sitePath.hasSuffix("/") ? sitePath : sitePath + "/"
        return filePath.hasPrefix(prefix) ? String(filePath.dropFirst(prefix.count)) : file.path
    }
}
