/// The dossier's articles as the data files cite them (territory rows, events): an id that names no article is an
/// error at the citing line, with the closest id.
struct CitedArticles {
    private let byID: [String: Article]

    init(_ articles: [Article]) {
        byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The article `id` names; nil, with an error at `line` of `path` ("<field>: unknown article 'x'; did you mean
    /// 'y'?"), when there is none.
    func article(_ id: String, field: String, path: String, line: Int?, log: inout DiagnosticLog) -> Article? {
        if let article = byID[id] { return article }
        log.error(path, line: line, "\(field): " + Self.unknown(id, noun: "article", among: Array(byID.keys)))
        return nil
    }

    /// "unknown article 'x'; did you mean 'y'?"
    static func unknown(_ id: String, noun: String, among ids: [String]) -> String {
        "unknown \(noun) '\(id)'" + (Suggest.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? "")
    }

    /// The events whose article sources name an article and a paragraph it has; each other one is an error.
    func checked(_ events: [TimelineEvent], log: inout DiagnosticLog) -> [TimelineEvent] {
        let path = "content/events.yml"
        return events.filter { event in
            event.sources.allSatisfy { source in
                guard case let .article(id, paragraph) = source else { return true }
                guard let article = article(id, field: "field 'source'", path: path, line: event.line, log: &log) else { return false }
                if let paragraph, paragraph > article.paragraphs.count {
                    log.error(path, line: event.line, "field 'source': article '\(id)' has \(article.paragraphs.count) paragraphs, not \(paragraph)")
                    return false
                }
                return true
            }
        }
    }
}
