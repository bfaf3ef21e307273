/// A statement of area found in an article: how much, what kind of statement, who gives it, and every place the
/// article states it.
public struct AreaFigure: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Ground held, controlled, seized or occupied.
        case held
        /// The largest extent: "at its peak", "up to", "at most". An earlier, larger figure set against a
        /// current one ("down from previous claims of almost 1,400") is read as the peak too: it is no statement
        /// of ground held at the article's date.
        case peak
        /// A gain or loss over a period: "another 40", "over the past day".
        case change
        /// The size of a whole region, state or country: "Kursk Oblast, which covers".
        case regionSize = "region-size"
        /// Ground in another region than the dossier's focus.
        case elsewhere
    }

    public struct Quote: Sendable, Equatable {
        /// 0-based index into the paragraphs passed in.
        public var paragraph: Int
        /// The sentence the figure stands in.
        public var sentence: String
        /// The number and unit as written, e.g. "1,000 square kilometers".
        public var text: String
    }

    public var km2: Double
    public var kind: Kind
    /// Who says it, read from the sentence, or nil.
    public var claimant: String?
    /// Every place the same figure is stated; the first is the primary one.
    public var quotes: [Quote]
}
