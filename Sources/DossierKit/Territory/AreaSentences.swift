/// Sentences of a tokenized paragraph: a sentence ends at ".", "?" or "!" (and any closing quotes or brackets
/// after it) followed by a space and a capital or an opening quote. A number's point is inside its token, so
/// "1.5" never ends one; abbreviations ("Gen.", "U.S.", "sq.") and initials do not either.
extension AreaText {
    static let abbreviations: Set<String> = [
        "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "pres", "mr", "mrs", "ms", "dr", "st",
        "no", "vs", "approx", "sq", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "corp", "ltd", "jr", "sr", "prof", "mt", "ft",
    ]
    static let closers: Set<String> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let openers: Set<String> = ["\"", "“", "‘", "'", "(", "[", "«"]

    /// Token ranges of the sentences, in order.
    func sentences() -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var first = 0
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.kind == .mark, token.text == "." || token.text == "?" || token.text == "!" else {
                i += 1
                continue
            }
            var last = i
            while last + 1 < tokens.count, !tokens[last + 1].spaceBefore, Self.closers.contains(tokens[last + 1].text) {
                last += 1
            }
            if last + 1 < tokens.count, startsSentence(last + 1), !(token.text == "." && abbreviated(before: i)) {
                result.append(first...last)
                first = last + 1
            }
            i = last + 1
        }
        if first < tokens.count { result.append(first...(tokens.count - 1)) }
        return result
    }

    private func startsSentence(_ i: Int) -> Bool {
        let token = tokens[i]
        return token.spaceBefore && (token.capitalized || (token.kind == .mark && Self.openers.contains(token.text)))
    }

    /// A point right after an abbreviation or a single letter ("U.S.", "S. Syrskyi").
    private func abbreviated(before point: Int) -> Bool {
        guard point > 0, !tokens[point].spaceBefore else { return false }
        let word = tokens[point - 1]
        return word.kind == .word && (word.text.unicodeScalars.count == 1 || Self.abbreviations.contains(word.text))
    }
}
