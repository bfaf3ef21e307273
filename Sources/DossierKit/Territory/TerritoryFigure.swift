import Foundation

/// One statement of how much of Kursk oblast Ukraine held: who said it, when, and where it was reported.
public struct TerritoryFigure: Sendable, Hashable {
    public enum Side: String, Sendable, CaseIterable { case ukraine = "Ukraine", russia = "Russia", independent }
    public enum Method: String, Sendable, CaseIterable { case claimed, assessed, derived, extracted }
    public typealias Source = CitedSource

    public var date: DateSpan
    public var areaKm2: Double
    /// Whose figure it is: one spelling per claimant, since each claimant is one series of the chart.
    public var claimant: String
    /// `nil` for figures found in articles, whose side the sentence does not say.
    public var side: Side?
    public var method: Method
    public var source: Source
    public var note: String
    /// The sentence of the source that gives the figure (for curated rows, as the editor quoted it).
    public var quote: String?
    /// The statement the report relays (a Telegram post, a ministry's update, a monitor's map), when there is one.
    public var primary: Primary?
    /// Line of `content/territory.csv`, for messages.
    public var line: Int?
    /// Curated rows are ground held; a figure from an article may be the peak instead.
    public var kind: AreaFigure.Kind = .held

    /// The original statement behind a report: what it was, and its address when known.
    public struct Primary: Sendable, Hashable {
        public var text: String
        public var url: String?
    }

    /// "claimed by Oleksandr Syrskyi", "derived by the editors from Valery Gerasimov's figures".
    public var attribution: String {
        switch method {
        case .derived: return "derived by the editors from \(claimant)’s figures"
        case .extracted: return claimant.isEmpty ? "quoted" : "quoted, given by \(claimant)"
        default: return "\(method.rawValue) by \(claimant)"
        }
    }
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

    /// The newest figure of each claimant, newest first (claimants with figures of the same date in the order of
    /// their first figures): a claimant's last word is shown beside the others', never replaced by them.
    static func latestByClaimant(_ curated: [TerritoryFigure]) -> [TerritoryFigure] {
        var seen = Set<String>()
        let claimants = curated.map(\.claimant).filter { seen.insert($0).inserted }
        let latest = claimants.compactMap { claimant in curated.last { $0.claimant == claimant } }
        return latest.enumerated().sorted { a, b in
            let (ea, eb) = (a.element.date.ordinals.upperBound, b.element.date.ordinals.upperBound)
            return ea != eb ? ea > eb : a.offset < b.offset
        }.map(\.element)
    }
}
