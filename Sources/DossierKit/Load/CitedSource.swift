/// Where a figure or an event is reported: an article of the dossier (at a paragraph), or a report elsewhere.
public enum CitedSource: Sendable, Hashable {
    case article(id: String, paragraph: Int?)
    case url(String)

    /// The article id or URL, as written in the data files.
    public var text: String {
        switch self {
        case .article(let id, _): return id
        case .url(let url): return url
        }
    }

    /// Why a cell or field cannot be read as a source, in words for a diagnostic.
    struct Problem: Error { let text: String }

    /// A report's own `https://` address, or an article id of this dossier, with `#pN` for a paragraph
    /// (ids are checked against the articles by the index).
    static func parse(_ text: String) -> Result<CitedSource, Problem> {
        if text.contains("://") {
            if let problem = SourceAddress.problem(with: text) { return .failure(Problem(text: problem)) }
            return .success(.url(text))
        }
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let id = String(parts[0])
        var paragraph: Int?
        if parts.count == 2 {
            guard parts[1].first == "p", let n = Int(parts[1].dropFirst()), n > 0 else {
                return .failure(Problem(text: "'\(text)': a paragraph is named #p1, #p2, …"))
            }
            paragraph = n
        }
        guard !id.isEmpty, Slug.problem(with: id) == nil, !id.contains(":") else {
            return .failure(Problem(text: "'\(text)' is neither an article id of this dossier nor an https:// address"))
        }
        return .success(.article(id: id, paragraph: paragraph))
    }
}
