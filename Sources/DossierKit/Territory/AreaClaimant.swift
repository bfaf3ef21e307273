/// Who gives a figure, read from tokens: "according to DeepState", "claimed by Kyiv", "Syrskyi said", "said
/// Syrskyi", "X told reporters", and for a quotation, the speaker named right after it ("…,” Syrskyi said).
/// Every look is bounded to a few tokens, so a sentence is read in one pass.
struct AreaClaimant {
    /// A quotation and who it is attributed to, by token indices.
    struct Attribution { var open: Int; var close: Int; var claimant: String }

    static let maxName = 14
    let text: AreaText
    private var tokens: [AreaText.Token] { text.tokens }

    /// A place in a sentence that says who speaks, and the name it gives: "his commander said" gives none.
    struct Cue { var at: Int; var name: String? }

    /// The claimant cues of a sentence, in order.
    func cues(in sentence: ClosedRange<Int>) -> [Cue] {
        sentence.compactMap { cue(at: $0, end: sentence.upperBound, from: sentence.lowerBound) }
    }

    /// The claimant of a figure starting at token `first`: the nearest cue before it, else the first named one
    /// after it. `named[i]` is the first name among `cues[i...]`.
    static func claimant(of first: Int, cues: [Cue], named: [String?]) -> String? {
        var (i, upper) = (0, cues.count)
        while i < upper {
            let middle = (i + upper) / 2
            if cues[middle].at < first { i = middle + 1 } else { upper = middle }
        }
        return i > 0 ? cues[i - 1].name : named[i]
    }

    /// "… 500 square miles claimed by Kyiv": a "by" or "according to" claimant within eight tokens after the
    /// figure, before the next figure.
    func claimant(after last: Int, before limit: Int) -> String? {
        var k = last + 1
        while k <= min(limit, last + 8) {
            let token = tokens[k]
            if token.isWord(["according"]) || token.isWord(["by"]) && k > last + 1 && tokens[k - 1].isWord(AreaWords.byVerbs) {
                return cue(at: token.text == "by" ? k - 1 : k, end: limit, from: last + 1)?.name
            }
            k += 1
        }
        return nil
    }

    /// Quotations followed by their speaker: `“…,” Syrskyi said` or `"…," said Syrskyi`.
    func attributions() -> [Attribution] {
        var result: [Attribution] = []
        var open: Int?
        for k in tokens.indices where tokens[k].kind == .mark {
            let token = tokens[k]
            let straight = token.text == "\""
            if token.text == "“" || straight && (token.spaceBefore || k == 0) {
                open = k
            } else if let start = open, token.text == "”" || straight {
                open = nil
                var j = k + 1
                if j < tokens.count, tokens[j].isMark(",") { j += 1 }
                guard j < tokens.count else { continue }
                let end = min(tokens.count - 1, j + Self.maxName)
                if let name = nameThenVerb(from: j, end: end) ?? nameAfter(verb: j, end: end) {
                    result.append(Attribution(open: start, close: k, claimant: name))
                }
            }
        }
        return result
    }

    /// A claimant cue starting at token `k`: "according to X", "claimed by X", "X said", "said X".
    private func cue(at k: Int, end: Int, from start: Int) -> Cue? {
        let token = tokens[k]
        guard token.kind == .word else { return nil }
        if token.text == "according", k + 1 <= end, tokens[k + 1].isWord(["to"]) {
            return Cue(at: k, name: phrase(from: k + 2, end: end))
        }
        if AreaWords.byVerbs.contains(token.text), k + 1 <= end, tokens[k + 1].isWord(["by"]) {
            return Cue(at: k, name: phrase(from: k + 2, end: end))
        }
        guard AreaWords.speech.contains(token.text) else { return nil }
        return Cue(at: k, name: nameBefore(verb: k, start: start) ?? nameAfter(verb: k, end: end))
    }

    /// A noun phrase after "according to" or "by", up to a mark or a word that starts a new part of the
    /// sentence: "the Institute for the Study of War", "Ukraine’s General Staff", "Censor.NET".
    private func phrase(from start: Int, end: Int) -> String? {
        var last = start - 1
        var k = start
        while k <= min(end, start + Self.maxName) {
            let token = tokens[k]
            let glued = !token.spaceBefore && k + 1 <= end && tokens[k + 1].kind == .word && !tokens[k + 1].spaceBefore
            let inName = token.kind == .word && !AreaWords.phraseEnds.contains(token.text)
                && !AreaWords.weekdays.contains(token.text)
                || glued && ["-", "'", "’", "."].contains(token.text)
            guard inName else { break }
            last = k
            k += 1
        }
        while last >= start, tokens[last].kind != .word || AreaWords.connectors.contains(tokens[last].text) { last -= 1 }
        return last >= start ? text.text(start, last) : nil
    }

    /// The capitalized name ending right before a speech verb, past an adverb, an apposition or "on Tuesday":
    /// "Oleksandr Syrskyi said", "DeepState has reported", "Syrsky, confirmed", "Koval, the commander, said",
    /// "Koval, speaking in Kyiv, said".
    private func nameBefore(verb: Int, start: Int) -> String? {
        var k = verb - 1
        var skipped = 0
        while k >= start, skipped < 3 {
            let token = tokens[k]
            if token.isWord(AreaWords.adverbs) || token.kind == .word && !token.capitalized && token.text.hasSuffix("ly") {
                k -= 1
            } else if token.isWord(AreaWords.weekdays), k - 1 >= start, tokens[k - 1].isWord(["on"]) {
                k -= 2
            } else if token.isMark(","), let comma = (max(start + 1, k - 6)..<k).last(where: { tokens[$0].isMark(",") && isName($0 - 1) }) {
                k = comma - 1
            } else if token.isMark(","), k - 1 >= start, tokens[k - 1].capitalized {
                k -= 1
            } else {
                break
            }
            skipped += 1
        }
        guard k >= start, isName(k), !hyphenated(k) else { return nil }
        var first = k
        var j = k - 1
        while j >= max(start, k - Self.maxName) {
            if isName(j) && !hyphenated(j) {
                first = j
            } else if !tokens[j].isWord(AreaWords.connectors) {
                break
            }
            j -= 1
        }
        if first - 1 >= start, tokens[first - 1].isWord(["the"]), !tokens[first - 1].capitalized { first -= 1 }
        // "officials in Kyiv said": a name after a preposition is where, not who.
        if first - 1 >= start, tokens[first - 1].isWord(["in", "near"]) { return nil }
        return text.text(first, k)
    }

    /// The capitalized name right after a speech verb that may lead: "said Syrskyi", "said the Institute for …".
    private func nameAfter(verb: Int, end: Int) -> String? {
        guard verb <= end, tokens[verb].isWord(AreaWords.speechFirst) else { return nil }
        var first = verb + 1
        if first <= end, tokens[first].isWord(["the"]) { first += 1 }
        guard first <= end, isName(first) else { return nil }
        var last = first
        var k = first + 1
        while k <= min(end, first + Self.maxName) {
            if isName(k) { last = k } else if !tokens[k].isWord(AreaWords.connectors) { break }
            k += 1
        }
        return text.text(tokens[verb + 1].isWord(["the"]) ? verb + 1 : first, last)
    }

    /// `Syrskyi said` after a quotation: a name, then a speech verb.
    private func nameThenVerb(from start: Int, end: Int) -> String? {
        var k = start
        while k <= end, isName(k) || tokens[k].isWord(AreaWords.connectors) && k > start { k += 1 }
        guard k > start, k <= end, tokens[k].isWord(AreaWords.speech) else { return nil }
        return nameBefore(verb: k, start: start)
    }

    /// The end of a hyphenated title ("Commander-in-Chief"), which is no part of the name after it.
    private func hyphenated(_ k: Int) -> Bool {
        k > 0 && !tokens[k].spaceBefore && tokens[k - 1].isMark("-")
    }

    private func isName(_ k: Int) -> Bool {
        let token = tokens[k]
        return token.kind == .word && token.capitalized && !AreaWords.pronouns.contains(token.text)
            && !AreaWords.weekdays.contains(token.text) && !AreaWords.months.contains(token.text)
    }
}
