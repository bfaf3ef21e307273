import Foundation

/// What one indexing may keep for the next: the area figures found in each article's text, which only that text and
/// the focus decide, and which are most of the cost of indexing. `dossier serve` keeps one in memory; a build starts
/// one from its cache (`AreaFigureCache`). Safe to use from several threads.
public final class IndexReuse: @unchecked Sendable {
    private var figures: [ContentHash: [AreaFigure]] = [:]
    private var used: Set<ContentHash> = []
    private let lock = NSLock()

    public init() {}

    /// Starting from the figures a build cache kept (`AreaFigureCache`).
    init(known: [ContentHash: [AreaFigure]]) { figures = known }

    /// The figures the last indexing used, by their memo key: what a build cache keeps for the next build.
    var entries: [ContentHash: [AreaFigure]] { lock.withLock { figures } }

    /// The figures of `paragraphs` under `focus`, found now or the last time the same text was indexed.
    func areaFigures(in paragraphs: [String], focus: [String]) -> [AreaFigure] {
        // The focus's count between the two lists, so that no focus term can pass for a paragraph.
        let focused = focus.reduce(ContentHash("focus")) { $0.combined(ContentHash($1)) }.combined(ContentHash("\(focus.count) terms"))
        let key = paragraphs.reduce(focused) { $0.combined(ContentHash($1)) }
        if let known = lock.withLock({ used.insert(key); return figures[key] }) { return known }
        let found = AreaExtractor.figures(in: paragraphs, focus: focus)
        lock.withLock { figures[key] = found }
        return found
    }

    /// Forgets what the indexing just finished did not use (articles edited or gone).
    func endIndexing() {
        lock.withLock {
            figures = figures.filter { used.contains($0.key) }
            used = []
        }
    }
}
