/// Finds figures in a sentence: a number with a unit (`FigureWords.units`) right after it or after at most two
/// words ("909 Russian soldiers", "~11,000 North Korean troops", "78–110 km²", "86%"). Numbers may have thousands
/// separators (`,`, thin or no-break spaces), decimals and a leading `~`; a range is one figure. Parts of dates
/// ("6 August 2024", "Aug 12") and of other tokens ("Su-34", "16:29", "04/03/2025", "1.2.3") are not figures, and
/// a bare year ("2024") is one only with a unit right after it. Each scalar is looked at a bounded number of times.
struct FigureScanner {
    /// A figure at `start..<end` of the text.
    struct Figure: Equatable {
        var start: Int
        var end: Int
    }

    let text: [Unicode.Scalar]
    let sentences: ProseSentences

    /// The figures of `sentence`, in order.
    func figures(in sentence: ProseSentences.Sentence) -> [Figure] {
        let end = sentence.end
        var found: [Figure] = []
        var i = sentence.start
        while i < end {
            guard sentences.isText(i), isDigit(i, end) || (text[i] == "~" && isDigit(i + 1, end)),
                  startsToken(i, sentence.start) else { i += 1; continue }
            guard let number = self.number(at: i, end) else {
                // Part of a longer token (a date, a time, a version): skip it whole.
                i += 1
                while i < end, isDigit(i, end) || ".,/:-–".unicodeScalars.contains(text[i]) { i += 1 }
                continue
            }
            if let unitEnd = unit(after: number, end) {
                found.append(Figure(start: i, end: unitEnd))
                i = unitEnd
            } else {
                i = number.end
            }
        }
        return found
    }

    // MARK: Numbers

    private struct Number {
        var end: Int
        /// Digits only, no separator, decimal, `~` or range: could be a day or a year.
        var isPlain: Bool
        var digits: Int
        var value: Int
    }

    private func isDigit(_ i: Int, _ end: Int) -> Bool { i < end && ("0"..."9").contains(text[i]) }

    /// A number starts a token: not after a letter or digit ("Su34", "p6"), nor after a letter's hyphen ("Su-34"),
    /// nor after a slash, colon or decimal point.
    private func startsToken(_ i: Int, _ start: Int) -> Bool {
        guard i > start else { return true }
        let previous = text[i - 1]
        if previous.isWordScalar || "/:.,".unicodeScalars.contains(previous) { return false }
        if previous == "-" || previous == "–", i - 1 > start, text[i - 2].isWordScalar { return false }
        return true
    }

    /// The number or range at `i`; `nil` when it is part of a longer token that is not a figure.
    private func number(at i: Int, _ end: Int) -> Number? {
        guard var first = single(at: i, end) else { return nil }
        // A range: `78–110`, `78 – 110`, `78-110` (a hyphen only between digits).
        var k = first.end
        while k < end, text[k] == " " { k += 1 }
        let dash = k < end ? text[k] : " "
        guard dash == "–" || dash == "—" || (dash == "-" && k == first.end) else { return first }
        k += 1
        if dash != "-" { while k < end, text[k] == " " { k += 1 } }
        if k < end, text[k] == "~" { k += 1 }
        guard isDigit(k, end), let second = single(at: k, end) else { return first }
        // A third part makes a date or a code (`2024-08-06`), not a range.
        if second.end + 1 < end, text[second.end] == "-" || text[second.end] == "–", isDigit(second.end + 1, end) { return nil }
        first.end = second.end
        first.isPlain = false
        return first
    }

    /// One number at `i`: `~`, digits in groups, decimals.
    private func single(at i: Int, _ end: Int) -> Number? {
        var k = i
        let approximate = text[k] == "~"
        if approximate { k += 1 }
        var digits = 0, value = 0, grouped = false, decimal = false
        while isDigit(k, end) {
            if digits < 9 { value = value * 10 + Int(text[k].value - 0x30) }
            digits += 1; k += 1
        }
        while k < end, ",\u{2009}\u{202F}\u{00A0}".unicodeScalars.contains(text[k]),
              isDigit(k + 1, end), isDigit(k + 2, end), isDigit(k + 3, end), !isDigit(k + 4, end) {
            grouped = true; digits += 3; k += 4
        }
        if k < end, text[k] == ".", isDigit(k + 1, end) {
            decimal = true
            k += 1
            while isDigit(k, end) { k += 1 }
        }
        // What follows must not continue the token: `1.2.3`, `12,34`, `16:29`, `04/03`.
        if k + 1 < end, ".,:/".unicodeScalars.contains(text[k]), isDigit(k + 1, end) { return nil }
        return Number(end: k, isPlain: !approximate && !grouped && !decimal, digits: digits, value: value)
    }

    // MARK: Units

    /// Where the unit after `number` ends, if it is a figure.
    private func unit(after number: Number, _ end: Int) -> Int? {
        let mayBeDate = number.isPlain && number.digits <= 4
        if mayBeDate, isMonth(before: number, end) { return nil }
        // A year takes its unit at once ("2024 troops" counts, "2024 Ukrainian troops" does not).
        let isYear = number.isPlain && number.digits == 4 && (1800...2199).contains(number.value)
        var k = number.end
        if k < end, !text[k].isWhitespaceScalar {
            // Written together: `86%`, `5km`, `10-km`; any other word after it (`3rd`, `30-day`) is not a unit.
            if text[k] == "-", k + 1 < end, text[k + 1].isAlphabeticScalar { k += 1 }
            return unitEnd(at: k, end)
        }
        for gap in 0...2 {
            while k < end, text[k].isWhitespaceScalar, sentences.isText(k) { k += 1 }
            if let unitEnd = unitEnd(at: k, end) { return unitEnd }
            if gap == 2 || (isYear && gap == 0) { return nil }
            let wordEnd = self.wordEnd(at: k, end)
            guard wordEnd > k, wordEnd < end, text[wordEnd].isWhitespaceScalar else { return nil }
            if mayBeDate, gap == 0, isMonth(k, wordEnd) { return nil }
            k = wordEnd
        }
        return nil
    }

    /// The end of the unit at `k`, matched without regard to case, several words across any white space.
    private func unitEnd(at k: Int, _ end: Int) -> Int? {
        guard k < end, sentences.isText(k), let candidates = FigureWords.unitsByFirst[text[k].asciiLowercased] else { return nil }
        for unit in candidates {
            var j = k
            var matched = true
            for scalar in unit {
                if scalar == " " {
                    guard j < end, text[j].isWhitespaceScalar else { matched = false; break }
                    while j < end, text[j].isWhitespaceScalar { j += 1 }
                } else {
                    guard j < end, sentences.isText(j), text[j].asciiLowercased == scalar else { matched = false; break }
                    j += 1
                }
            }
            if matched, j == end || !text[j].isWordScalar { return j }
        }
        return nil
    }

    /// The end of a word at `k`: letters, with inner hyphens and apostrophes ("Russian-held", "Kyiv's").
    private func wordEnd(at k: Int, _ end: Int) -> Int {
        var j = k
        while j < end, sentences.isText(j) {
            if text[j].isAlphabeticScalar {
                j += 1
            } else if "-'’".unicodeScalars.contains(text[j]), j > k, j + 1 < end, text[j + 1].isAlphabeticScalar {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    private func isMonth(_ start: Int, _ end: Int) -> Bool {
        guard end - start <= FigureWords.longestMonth else { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: text[start..<end])
        return FigureWords.months.contains(String(word))
    }

    /// Whether a month's name stands just before the number ("August 2024", "Aug 12"), a full stop allowed.
    private func isMonth(before number: Number, _ end: Int) -> Bool {
        var k = number.end - number.digits
        var spaces = 0
        while k > 0, text[k - 1] == " " || text[k - 1] == "\u{00A0}", spaces < 4 { k -= 1; spaces += 1 }
        guard spaces > 0 else { return false }
        if k > 0, text[k - 1] == "." { k -= 1 }
        var start = k
        while start > 0, k - start < FigureWords.longestMonth + 1, text[start - 1].isAlphabeticScalar { start -= 1 }
        return isMonth(start, k)
    }
}
