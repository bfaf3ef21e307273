/// Decides a figure's kind from its sentence. The sentence is read once into clauses with their cues (a peak,
/// a period of change, a day); each figure then looks at its clause and at most a few tokens either side.
struct AreaKinds {
    let text: AreaText
    let sentence: ClosedRange<Int>
    let places: AreaPlaces
    /// The clause of each token of the sentence, from 0.
    private var clause: [Int] = []
    private var peakClauses: Set<Int> = []
    private var periodClauses: Set<Int> = []
    private var dayClauses: Set<Int> = []
    private let namesFocus: Bool
    private let namesOther: Bool

    private var tokens: [AreaText.Token] { text.tokens }

    init(_ text: AreaText, sentence: ClosedRange<Int>, places: AreaPlaces) {
        self.text = text
        self.sentence = sentence
        self.places = places
        (namesFocus, namesOther) = places.mentions(in: text, sentence)
        var current = 0
        for k in sentence {
            let token = text.tokens[k]
            let next = k < sentence.upperBound ? text.tokens[k + 1] : nil
            if token.kind == .mark && AreaWords.clauseMarks.contains(token.text) && (token.text != "–" || token.spaceBefore)
                || token.isWord(AreaWords.clauseStarts) && (token.text != "down" || next?.isWord(["from", "to"]) == true) {
                current += 1
            }
            clause.append(current)
            if isPeakCue(k) { peakClauses.insert(current) }
            if isPeriodCue(k) { periodClauses.insert(current) }
            if isDayCue(k) { dayClauses.insert(current) }
        }
    }

    func kind(of figure: AreaScanner.Found) -> AreaFigure.Kind {
        if isRegionSize(figure) { return .regionSize }
        if !namesFocus && (namesOther || places.namedAfter(figure.last, in: text, sentence)) { return .elsewhere }
        if isChange(figure) { return .change }
        if peakClauses.contains(clauseOf(figure.first)) || isUpTo(figure) { return .peak }
        return .held
    }

    private func clauseOf(_ k: Int) -> Int { clause[k - sentence.lowerBound] }

    private func word(_ k: Int) -> String? {
        sentence.contains(k) && tokens[k].kind == .word ? tokens[k].text : nil
    }

    /// "at its peak", "at the height of", "a maximum of", "at most", "down from", "from a high of", "at one point".
    private func isPeakCue(_ k: Int) -> Bool {
        guard let w = word(k) else { return false }
        switch w {
        case _ where AreaWords.peak.contains(w): return true
        case "most": return word(k - 1) == "at"
        case "down": return word(k + 1) == "from"
        case "high": return word(k - 1) == "a" && word(k + 1) == "of"
        case "point": return word(k - 1) == "one" && word(k - 2) == "at"
        default: return false
        }
    }

    /// A period the figure changed over: "over the past day", "in the last 24 hours", "over five days",
    /// "per day", "daily"; not "a day after" or "the first days of".
    private func isPeriodCue(_ k: Int) -> Bool {
        guard let w = word(k) else { return false }
        if AreaWords.everyDay.contains(w) { return true }
        guard AreaWords.timeUnits.contains(w), !AreaWords.notPeriodAfter.contains(word(k + 1) ?? "") else { return false }
        return (max(sentence.lowerBound, k - 3)..<k).contains { word($0).map(AreaWords.periodWords.contains) == true }
    }

    /// "on Tuesday", "on 12 August", "on August 12".
    private func isDayCue(_ k: Int) -> Bool {
        guard word(k) == "on", k + 1 <= sentence.upperBound else { return false }
        let next = tokens[k + 1]
        if next.isWord(AreaWords.weekdays) { return true }
        if next.isWord(AreaWords.months) { return k + 2 <= sentence.upperBound && tokens[k + 2].kind == .number }
        return next.kind == .number && word(k + 2).map(AreaWords.months.contains) == true
    }

    /// The token before the figure once approximators are passed: "the" in "the size of almost 30,000".
    private func before(_ figure: AreaScanner.Found) -> Int {
        var k = figure.first - 1
        while k >= sentence.lowerBound, word(k).map(AreaWords.approximators.contains) == true { k -= 1 }
        return k
    }

    /// Up to `size` tokens before the figure, nearest first, back to the previous number.
    private func window(_ figure: AreaScanner.Found, size: Int) -> [Int] {
        var result: [Int] = []
        var k = figure.first - 1
        while k >= sentence.lowerBound, result.count < size, tokens[k].kind != .number {
            result.append(k)
            k -= 1
        }
        return result
    }

    /// The size of a whole region: "Kursk Oblast, which covers nearly 30,000", "a region of 30,000", "an area
    /// roughly the size of …, 30,000", "the Kursk region (30,000 sq km)".
    private func isRegionSize(_ figure: AreaScanner.Found) -> Bool {
        let b = before(figure)
        if b > sentence.lowerBound, word(b) == "of" || tokens[b].isMark("("),
           word(b - 1).map(AreaWords.regionNouns.contains) == true { return true }
        for k in window(figure, size: 8) {
            if word(k) == "size" && word(k + 1) == "of" || word(k) == "sized" { return true }
            if word(k).map(AreaWords.sizeVerbs.contains) == true {
                var s = k - 1
                while s >= max(sentence.lowerBound, k - 3), tokens[s].kind != .number,
                      AreaWords.relatives.contains(tokens[s].text) { s -= 1 }
                if s >= sentence.lowerBound, isRegion(s) { return true }
            }
        }
        return false
    }

    /// A region noun or a name: "region", "Oblast", "Kursk".
    private func isRegion(_ k: Int) -> Bool {
        guard let w = word(k) else { return false }
        return AreaWords.regionNouns.contains(w) || tokens[k].capitalized && !AreaWords.pronouns.contains(w)
    }

    /// A gain or loss: a word between number and unit ("40 more"), a change word close before the figure
    /// ("another", "recaptured around"), a period in its clause, or ground taken on a day. A figure that is the
    /// level reached ("shrank to 30 sq mi", "expanded to 1,000 over the week") is no change.
    private func isChange(_ figure: AreaScanner.Found) -> Bool {
        if figure.more { return true }
        let after = figure.last + 1
        if word(after) == "of", word(after + 1).map(AreaScanner.moreWords.contains) == true { return true }
        let b = before(figure)
        if word(b) == "to" && word(b - 1) != "up" && word(b - 1) != "close" { return false }
        for k in window(figure, size: 6) {
            guard clauseOf(k) == clauseOf(figure.first) else { break }
            guard let w = word(k) else { continue }
            if AreaWords.change.contains(w) { return true }
            if AreaWords.taking.contains(w), !AreaWords.perfect.contains(word(k - 1) ?? ""),
               dayClauses.contains(clauseOf(figure.first)) { return true }
            if AreaWords.holding.contains(w) { break }
        }
        return periodClauses.contains(clauseOf(figure.first))
    }

    /// "up to 1,300 km²": the most claimed.
    private func isUpTo(_ figure: AreaScanner.Found) -> Bool {
        let b = before(figure)
        return word(b) == "to" && word(b - 1) == "up"
    }
}
