import Foundation

/// One statement of how much of Kursk oblast Ukraine held: who said it, when, and where it was reported.
public struct TerritoryFigure: Sendable, Hashable {
    public enum Side: String, Sendable, CaseIterable { case ukraine = "Ukraine", russia = "Russia", independent }
    public enum Method: String, Sendable, CaseIterable { case claimed, assessed, derived, extracted }
    public enum Source: Sendable, Hashable {
        case article(id: String, paragraph: Int?)
        case url(String)

        /// The article id or URL, as written in the data files.
        public var text: String {
            switch self {
            case .article(let id, _): return id
            case .url(let url): return url
            }
        }
    }

    public var date: Day
    public var areaKm2: Double
    public var claimant: String
    /// `nil` for figures found in articles, whose side the sentence does not say.
    public var side: Side?
    public var method: Method
    public var source: Source
    public var note: String
    /// The sentence an extracted figure was found in.
    public var quote: String?
    /// Line of `content/territory.csv`, for messages.
    public var line: Int?
    /// Curated rows are ground held; a figure from an article may be the peak instead.
    public var kind: AreaFigure.Kind = .held
}

/// A figure quoted in an article without a date: listed for editors, never plotted nor in the data files.
public struct UndatedFigure: Sendable, Hashable {
    public var article: String
    /// 1-based, as in the paragraph's anchor `#pN`.
    public var paragraph: Int
    public var areaKm2: Double
    public var kind: AreaFigure.Kind
    public var claimant: String
    public var quote: String
}

/// The curated series and the figures found in articles, kept apart.
public struct TerritorySeries: Sendable {
    /// Sorted by date.
    public var curated: [TerritoryFigure]
    /// Held and peak figures of dated articles, sorted by date, then article.
    public var extracted: [TerritoryFigure]
    /// Held and peak figures of undated articles, sorted by article.
    public var undated: [UndatedFigure]

    /// The newest curated figure of each side, in the order Ukraine, Russia, independent.
    public var latestBySide: [TerritoryFigure] {
        TerritoryFigure.Side.allCases.compactMap { side in curated.last { $0.side == side } }
    }
}
