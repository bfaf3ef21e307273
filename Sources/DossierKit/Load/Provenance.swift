/// Where the build found one fact about an article: what the article's page and `dossier inspect` say of it.
public enum FoundIn: Sendable, Hashable {
    /// In the scraped text, at `line` of the file; `paragraph` (1-based, the page's `#pN`) when that line was kept
    /// as one of the article's paragraphs rather than left out as a byline or date line.
    case text(line: Int, paragraph: Int?)
    /// In the file name's `YYYY-MM-DD-` prefix.
    case fileName
    /// In the front matter, at `line` of the file.
    case frontMatter(line: Int)

    /// For a reader: "in the text, paragraph 3 (line 12 of the file)", "from the file name", "in the front matter".
    public var phrase: String {
        switch self {
        case .text(let line, let paragraph?): return "in the text, paragraph \(paragraph) (line \(line) of the file)"
        case .text(let line, nil): return "in the text, line \(line) of the file"
        case .fileName: return "from the file name"
        case .frontMatter(let line): return "in the front matter, line \(line)"
        }
    }

    /// The kind of place, as `DateSource` names it: `text`, `file name`, `front matter`.
    public var kind: DateSource {
        switch self {
        case .text: return .text
        case .fileName: return .fileName
        case .frontMatter: return .frontMatter
        }
    }
}

/// What an article page states about the copy: where the outlet, the original address and the published date
/// were found (`nil` where the build has none), and the day the copy was retrieved, when the front matter says.
public struct ArticleProvenance: Sendable, Hashable {
    public var outlet: FoundIn?
    public var url: FoundIn?
    public var date: FoundIn?
    /// `accessed: YYYY-MM-DD` in the front matter.
    public var accessed: Day?

    public init(outlet: FoundIn? = nil, url: FoundIn? = nil, date: FoundIn? = nil, accessed: Day? = nil) {
        self.outlet = outlet
        self.url = url
        self.date = date
        self.accessed = accessed
    }
}

extension Article {
    /// Where `date` came from; `nil` when there is none.
    public var dateSource: DateSource? { provenance.date?.kind }
}
