/// Reads calendar dates written in running text: "August 15, 2024", "Aug. 21, 2024", "14 Aug 2025",
/// "2025-03-04", "13/03/2025". One pass over the words of a line, no patterns that could backtrack.
enum DateText {
    enum Found: Equatable {
        case day(Day)
        /// Day and month could be either way round ("04/03/2025"): a guess would be wrong half the time.
        case ambiguous(String)
    }

    /// The first date in `line`, if any.
    static func first(in line: String) -> Found? {
        let tokens = DateToken.split(line)
        var i = 0
        while i < tokens.count {
            if let found = date(at: i, in: tokens) { return found }
            i += 1
        }
        return nil
    }

    /// Whether the line is nothing but a date and perhaps a time ("August 15, 2024 3:16 PM", "• 04/03/2025 18:02").
    static func isDateOnly(_ line: String) -> Bool {
        let tokens = DateToken.split(line)
        guard !tokens.isEmpty, first(in: line) != nil else { return false }
        return tokens.allSatisfy { $0.isNumeric || monthNumber($0.text) != nil || timeWords.contains($0.text.lowercased()) }
    }

    static let timeWords: Set<String> = ["am", "pm", "a.m.", "p.m.", "utc", "gmt", "et", "edt", "est", "cet", "cest", "bst",
                                         "ist", "msk", "eet", "eest", "pt", "pdt", "pst", "kyiv", "time", "at", "on"]

    private static func date(at i: Int, in tokens: [DateToken]) -> Found? {
        let t = tokens[i]
        // 2025-03-04
        if t.text.utf8.count == 10, let day = Day(iso: t.text) { return .day(day) }
        // 13/03/2025, 13.03.2025
        if let found = numeric(t.text) { return found }
        // August 15, 2024
        if let month = monthNumber(t.text), i + 2 < tokens.count,
           let d = dayNumber(tokens[i + 1].text), let y = year(tokens[i + 2].text),
           let day = Day(year: y, month: month, day: d) {
            return .day(day)
        }
        // 15 August 2024
        if let d = dayNumber(t.text), i + 2 < tokens.count, let month = monthNumber(tokens[i + 1].text),
           let y = year(tokens[i + 2].text), let day = Day(year: y, month: month, day: d) {
            return .day(day)
        }
        return nil
    }

    private static func numeric(_ text: String) -> Found? {
        for separator in ["/", ".", "-"] as [Character] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                  let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2])
            else { continue }
            let dayFirst = Day(year: y, month: b, day: a)
            let monthFirst = Day(year: y, month: a, day: b)
            switch (dayFirst, monthFirst) {
            case let (day?, nil), let (nil, day?): return .day(day)
            case let (day?, other?): return day == other ? .day(day) : .ambiguous(text)
            case (nil, nil): return nil
            }
        }
        return nil
    }

    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "August", "Aug", "Aug.", "Sept", any case.
    static func monthNumber(_ word: String) -> Int? {
        var lower = word.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        if let full = Day.monthNames.firstIndex(where: { $0.lowercased() == lower }) { return full + 1 }
        if lower == "sept" { return 9 }
        return lower.count == 3 ? monthAbbreviations.firstIndex(of: lower).map { $0 + 1 } : nil
    }

    /// "15", "15,", "15th" → 15.
    private static func dayNumber(_ word: String) -> Int? {
        var text = Substring(word)
        while let last = text.last, last == "," || last == "." { text.removeLast() }
        for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) { text.removeLast(2) }
        guard (1...2).contains(text.count), text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// "2024", "2024," → 2024; only plausible years of news.
    private static func year(_ word: String) -> Int? {
        var text = Substring(word)
        while let last = text.last, !last.isASCIIDigit { text.removeLast() }
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let y = Int(text), (1900...2199).contains(y) else { return nil }
        return y
    }
}

/// A word of a line for date reading: split at spaces, with leading bullets and brackets removed.
struct DateToken {
    var text: String
    var isNumeric: Bool { text.contains(where: \.isASCIIDigit) && text.allSatisfy { $0.isASCIIDigit || ":/.,-".contains($0) } }

    static let separators: Set<Character> = [" ", ","]
    static let openers: Set<Character> = ["•", "·", "(", "[", "-", "–", "—", "|"]

    static func split(_ line: String) -> [DateToken] {
        var tokens: [DateToken] = []
        for piece in line.split(whereSeparator: { separators.contains($0) || $0.isWhitespace }) {
            var word = piece.drop { openers.contains($0) }
            if word.last == ")" || word.last == "]" { word = word.dropLast() }
            if !word.isEmpty { tokens.append(DateToken(text: String(word))) }
        }
        return tokens
    }
}
