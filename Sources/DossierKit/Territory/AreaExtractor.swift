import Foundation

/// Finds statements of area in article text: "almost 1,300 square kilometers", "1 000 km²", "a 200-square-kilometre
/// pocket", "a thousand square kilometres", "30 sq mi". Articles are untrusted, so nothing here backtracks: the
/// text is cut into tokens once and every rule looks a bounded number of tokens around a unit of area, which keeps
/// the work linear in the length of the text.
public enum AreaExtractor {
    public static let squareMileInKm2 = 2.589988

    /// Every area figure in an article's paragraphs, in order of first appearance. `focus` names the region the
    /// territory series is about; figures about other places are `elsewhere`.
    public static func figures(in paragraphs: [String], focus: [String]) -> [AreaFigure] {
        let texts = paragraphs.map(AreaText.init)
        let places = AreaPlaces(focus: focus, texts: texts)
        var merger = AreaMerger()
        for (index, text) in texts.enumerated() {
            let scanner = AreaScanner(text: text)
            let claimants = AreaClaimant(text: text)
            var attributions: [AreaClaimant.Attribution]?
            var next = 0
            for sentence in text.sentences() {
                let found = scanner.figures(in: sentence)
                guard !found.isEmpty else { continue }
                let kinds = AreaKinds(text, sentence: sentence, places: places)
                let sentenceText = text.text(sentence.lowerBound, sentence.upperBound)
                let cues = claimants.cues(in: sentence)
                var named = [String?](repeating: nil, count: cues.count + 1)
                for i in cues.indices.reversed() { named[i] = cues[i].name ?? named[i + 1] }
                let quotations = attributions ?? claimants.attributions()
                attributions = quotations
                for (n, figure) in found.enumerated() {
                    let limit = n + 1 < found.count ? found[n + 1].first - 1 : sentence.upperBound
                    while next < quotations.count, quotations[next].close < figure.first { next += 1 }
                    let speaker = next < quotations.count && quotations[next].open < figure.first ? quotations[next].claimant : nil
                    let quote = AreaFigure.Quote(paragraph: index, sentence: sentenceText,
                                                 text: text.text(figure.first, figure.last))
                    merger.add(AreaFigure(km2: figure.km2, kind: kinds.kind(of: figure),
                                          claimant: claimants.claimant(after: figure.last, before: limit)
                                              ?? AreaClaimant.claimant(of: figure.first, cues: cues, named: named) ?? speaker,
                                          quotes: [quote]))
                }
            }
        }
        return merger.figures
    }
}

/// Joins restatements: the same kind of figure within 2% of one already found adds a quote to it. Figures are
/// kept in buckets 2% wide, so each new one is compared with at most three others.
struct AreaMerger {
    private struct Key: Hashable { var kind: AreaFigure.Kind; var bucket: Int }
    private(set) var figures: [AreaFigure] = []
    private var buckets: [Key: Int] = [:]

    mutating func add(_ figure: AreaFigure) {
        let bucket = Int((log(figure.km2) / log(1.02)).rounded(.down))
        for b in bucket - 1...bucket + 1 {
            guard let i = buckets[Key(kind: figure.kind, bucket: b)],
                  abs(figures[i].km2 - figure.km2) <= 0.02 * max(figures[i].km2, figure.km2) else { continue }
            figures[i].quotes += figure.quotes
            if figures[i].claimant == nil { figures[i].claimant = figure.claimant }
            return
        }
        buckets[Key(kind: figure.kind, bucket: bucket)] = figures.count
        figures.append(figure)
    }
}
