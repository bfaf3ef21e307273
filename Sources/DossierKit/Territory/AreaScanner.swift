/// Finds "number unit" pairs in one sentence, walking its tokens once: a figure is anchored at its unit, and the
/// number is read from at most a few tokens before it.
struct AreaScanner {
    /// One figure in the sentence: tokens `first...last` are the number and unit as written.
    struct Found {
        var first: Int
        var last: Int
        var km2: Double
        /// "40 more square kilometres": a word between the number and the unit that makes it a gain.
        var more: Bool
    }

    static let kilometres: Set<String> = ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"]
    static let miles: Set<String> = ["mi", "mile", "miles"]
    static let moreWords: Set<String> = ["more", "additional", "extra", "further", "new"]
    static let ones: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    let text: AreaText
    var tokens: [AreaText.Token] { text.tokens }

    /// The figures of `sentence`, in order. A figure's conversion right after it, in brackets ("800 square
    /// kilometres (300 square miles)") or after "or" or "/" in the other unit, is part of it, not another figure.
    func figures(in sentence: ClosedRange<Int>) -> [Found] {
        var found: [Found] = []
        var inBrackets = false
        var conversion: (before: Int, miles: Bool)?
        var i = sentence.lowerBound
        while i <= sentence.upperBound {
            let token = tokens[i]
            if token.isMark(")") || token.isMark("]") || token.isMark(";") { inBrackets = false }
            guard let (unitEnd, miles) = unit(at: i, until: sentence.upperBound),
                  let (first, value, more) = number(before: i, from: sentence.lowerBound) else {
                i += 1
                continue
            }
            let isConversion = inBrackets || conversion.map { first <= $0.before && miles == $0.miles } == true
            if !isConversion {
                found.append(Found(first: first, last: unitEnd, km2: miles ? value * AreaExtractor.squareMileInKm2 : value,
                                   more: more))
            }
            i = unitEnd + 1
            conversion = nil
            if i <= sentence.upperBound, tokens[i].isMark("(") || tokens[i].isMark("[") {
                inBrackets = true
                i += 1
            } else if i <= sentence.upperBound, tokens[i].isMark(",") || tokens[i].isMark("/") || tokens[i].isWord(["or"]) {
                conversion = (i + 4, !miles)
            }
        }
        return found
    }

    /// An area unit starting at token `i`: its last token, and whether it is in miles. Only units of area:
    /// "square kilometres", "sq. km", "km²", "square-mile", "sq mi"; never "kilometres" or "sq ft".
    func unit(at i: Int, until end: Int) -> (Int, Bool)? {
        let token = tokens[i]
        guard token.kind == .word else { return nil }
        switch token.text {
        case "km²", "km2", "sqkm": return (i, false)
        case "mi²", "mi2", "sqmi": return (i, true)
        case "square", "sq":
            var j = i + 1
            if token.text == "sq", j <= end, tokens[j].isMark("."), !tokens[j].spaceBefore { j += 1 }
            if j <= end, tokens[j].isMark("-") { j += 1 }
            guard j <= end, tokens[j].kind == .word else { return nil }
            if Self.kilometres.contains(tokens[j].text) { return (j, false) }
            if Self.miles.contains(tokens[j].text) { return (j, true) }
            return nil
        default: return nil
        }
    }

    /// The number ending right before the unit at `unit` (a hyphen between them is fine): digits, digits and a
    /// scale ("1.5 thousand"), or number words ("a thousand", "two hundred and fifty", "ninety-five hundred").
    /// Returns its first token, its value, and whether a word like "more" stood between it and the unit.
    func number(before unit: Int, from start: Int) -> (Int, Double, Bool)? {
        var k = unit - 1
        var more = false
        if k >= start, tokens[k].isWord(Self.moreWords) { more = true; k -= 1 }
        if k >= start, tokens[k].isMark("-") || tokens[k].isMark("‑") { k -= 1 }
        guard k >= start else { return nil }
        let last = tokens[k]
        if last.kind == .number {
            guard let value = last.value, value > 0 else { return nil }
            return (k, value, more)
        }
        if let scale = Self.scales[last.text], k - 1 >= start, tokens[k - 1].kind == .number {
            guard let value = tokens[k - 1].value, value > 0 else { return nil }
            return (k - 1, value * Double(scale), more)
        }
        return words(endingAt: k, from: start).map { ($0.0, $0.1, more) }
    }

    /// Number words ending at token `end`, read back over at most twelve tokens. The phrase must begin with a
    /// number ("two hundred") or "a"/"an" before a scale ("a thousand"); "hundred" alone, as in "a few hundred",
    /// is no figure.
    func words(endingAt end: Int, from start: Int) -> (Int, Double)? {
        var first = end + 1
        var k = end
        while k >= max(start, end - 11) {
            let token = tokens[k]
            let isNumberWord = Self.ones[token.text] != nil || Self.scales[token.text] != nil
            guard token.kind == .word && (isNumberWord || token.text == "and") || token.isMark("-") else { break }
            first = k
            k -= 1
        }
        while first <= end, !(Self.ones[tokens[first].text] != nil && tokens[first].kind == .word) {
            guard Self.scales[tokens[first].text] != nil, first > start, tokens[first - 1].isWord(["a", "an"]) else {
                first += 1
                continue
            }
            first -= 1
            break
        }
        guard first <= end else { return nil }
        var total = 0
        var current = 0
        for token in tokens[first...end] where token.kind == .word {
            if let n = Self.ones[token.text] {
                current += n
            } else if let scale = Self.scales[token.text] {
                current = max(current, 1) * scale
                if scale >= 1000 { total += current; current = 0 }
            }
        }
        let value = total + current
        return value > 0 ? (first, Double(value)) : nil
    }
}
