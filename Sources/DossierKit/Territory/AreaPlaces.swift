/// The places a sentence names, to tell figures about the focus region from figures about other ground. A place
/// is a capitalized name before a region noun ("Donetsk region", "Kherson and Zaporizhzhia regions"), after a
/// compass word ("eastern Ukraine"), or after "in" ("in Kherson") at the start of the sentence or right after the
/// figure. A country the article itself writes as holding the focus ("Russia's Kursk region") is not elsewhere.
struct AreaPlaces {
    static let placeNouns: Set<String> = [
        "region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "district", "districts",
        "governorate",
    ]
    /// Nationality adjectives name no place: "the Russian region of Kursk".
    static let adjectiveEndings = ["ian", "ish", "ese"]

    let focus: [[String]]
    let containers: Set<String>

    init(focus: [String], texts: [AreaText]) {
        self.focus = focus.map { AreaText($0).tokens.map(\.text) }.filter { !$0.isEmpty }
        var containers: Set<String> = []
        for text in texts {
            let t = text.tokens
            for k in t.indices where k >= 3 && t[k - 1].isWord(["s"]) && (t[k - 2].isMark("'") || t[k - 2].isMark("’"))
                && t[k - 3].capitalized && Self.matches(self.focus, t, at: k) {
                containers.insert(t[k - 3].text)
            }
        }
        self.containers = containers
    }

    /// Whether the sentence names the focus region, and whether it names another place.
    func mentions(in text: AreaText, _ sentence: ClosedRange<Int>) -> (Bool, Bool) {
        let t = text.tokens
        var focusNamed = false
        var other = false
        for k in sentence {
            if Self.matches(focus, t, at: k) { focusNamed = true }
            if t[k].isWord(Self.placeNouns) {
                var name = k - 1
                while name >= sentence.lowerBound, isOther(t, name) {
                    other = true
                    name -= 2
                    guard name >= sentence.lowerBound, t[name + 1].isWord(["and"]) || t[name + 1].isMark(",") else { break }
                }
            }
            if t[k].isWord(AreaWords.compass), k < sentence.upperBound, isOther(t, k + 1) { other = true }
        }
        if sentence.count > 1, t[sentence.lowerBound].isWord(["in"]), isOther(t, sentence.lowerBound + 1) { other = true }
        return (focusNamed, other)
    }

    /// "… 40 sq km of territory in Kherson": another place named within six words after the figure, before any
    /// mark or speaker ("500 sq km, Syrskyi said in Kyiv" is not about Kyiv).
    func namedAfter(_ last: Int, in text: AreaText, _ sentence: ClosedRange<Int>) -> Bool {
        let t = text.tokens
        var k = last + 1
        while k < min(sentence.upperBound, last + 7), t[k].kind == .word, !AreaWords.speech.contains(t[k].text) {
            if t[k].text == "in" && isOther(t, k + 1) { return true }
            k += 1
        }
        return false
    }

    /// A capitalized name that is neither the focus, a country holding it, a date, nor an adjective or possessive.
    private func isOther(_ t: [AreaText.Token], _ k: Int) -> Bool {
        guard k < t.count, t[k].kind == .word, t[k].capitalized else { return false }
        let w = t[k].text
        if k + 1 < t.count, t[k + 1].isMark("'") || t[k + 1].isMark("’") { return false }
        return !Self.matches(focus, t, at: k) && !containers.contains(w) && !AreaWords.months.contains(w)
            && !AreaWords.weekdays.contains(w) && !AreaWords.pronouns.contains(w)
            && !Self.adjectiveEndings.contains(where: w.hasSuffix)
    }

    static func matches(_ names: [[String]], _ t: [AreaText.Token], at k: Int) -> Bool {
        names.contains { words in
            k + words.count <= t.count && words.indices.allSatisfy { t[k + $0].kind == .word && t[k + $0].text == words[$0] }
        }
    }
}
