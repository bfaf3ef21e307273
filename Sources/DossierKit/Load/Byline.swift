import Foundation

/// The lines that say who published an article and when: bylines ("By Jane Roe", "The Economist 5 min read
/// 14 Aug 2025"), date lines ("Published - Aug 21, 2024"), wire datelines ("(Bloomberg) --", "MOSCOW, March 13.
/// /TASS/.", "KYIV (Reuters) -"), agency sign-offs ("… attacks. (ILKHA)") and copyright lines.
enum Byline {
    static func isByline(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 30 else { return false }
        let words = line.text.split(separator: " ")
        if line.lower.hasPrefix("by "), words.count > 1, words[1].first?.isUppercase == true {
            return (line.wordCount <= 12 && !line.endsSentence) || readTime(in: line) != nil
                || (DateText.first(in: line.text) != nil && !line.isProse)
        }
        if readTime(in: line) != nil { return true }
        if line.lower.containsBytes("news desk") || line.lower.containsBytes("newsroom") { return line.wordCount <= 20 }
        return ["author:", "authors:", "written by ", "reporting by ", "words by ", "text by ", "editing by ", "edited by "]
            .contains(where: line.lower.hasPrefix)
    }

    /// "Published - Aug 21, 2024, 09:18 AM ET", "Updated: 3 March 2025", "August 15, 2024 3:16 PM".
    static func isDateLine(_ line: ReaderLine) -> Bool {
        guard line.wordCount <= 16 else { return false }
        if DateText.isDateOnly(line.text) || relativeTimeOutlet(line) != nil { return true }
        return dateLabels.contains(where: line.lower.hasPrefix) && DateText.first(in: line.text) != nil
    }

    /// "Telegraph19 hours ago", "Reuters · 3 days ago": an outlet written before a relative time, as
    /// aggregators print it. The outlet, or "" when the line is such a time with no outlet before it.
    static func relativeTimeOutlet(_ line: ReaderLine) -> String? {
        guard line.wordCount <= 8, line.lower.hasSuffix(" ago") else { return nil }
        var words = line.text.dropLast(4).split(separator: " ").map(String.init)
        guard let unit = words.popLast()?.lowercased(),
              ["second", "minute", "hour", "day", "week", "month", "year"].contains(where: { unit == $0 || unit == $0 + "s" })
        else { return nil }
        if let count = words.last?.lowercased(), ["a", "an", "one"].contains(count) {
            words.removeLast()
        } else if var last = words.popLast() {
            guard last.last?.isNumber == true else { return nil }
            while last.last?.isNumber == true { last.removeLast() }
            if !last.isEmpty { words.append(last) }
        }
        let outlet = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ·|,-–—"))
        return outlet.first?.isUppercase == true ? outlet : ""
    }

    static let dateLabels = ["published", "updated", "last updated", "posted", "first published", "modified",
                             "last modified", "date:", "dated"]

    /// Where "N min read" stands in the line, as the range of its words.
    static func readTime(in line: ReaderLine) -> Range<Int>? {
        let words = line.lower.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        for i in words.indices.dropFirst() where words[i] == "read" {
            let unit = words[i - 1]
            if ["min", "mins", "minute", "minutes"].contains(unit), i >= 2, Int(words[i - 2]) != nil { return (i - 2)..<(i + 1) }
            if unit.hasSuffix("-minute") || unit.hasSuffix("-min"), Int(unit.prefix { $0.isASCIIDigit }) != nil { return (i - 1)..<(i + 1) }
        }
        return nil
    }

    /// The outlet a byline names: "… and The Kyiv Independent news desk …", "The Economist 5 min read …".
    static func outlet(in line: ReaderLine) -> String? {
        if let outlet = relativeTimeOutlet(line) { return outlet.isEmpty ? nil : outlet }
        let words = line.text.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }
        for i in lower.indices.dropFirst() where ["desk", "newsroom", "staff"].contains(lower[i]) {
            let end = lower[i - 1] == "news" ? i - 1 : i
            if let name = capitalizedRun(words, endingBefore: end) { return name }
        }
        if let time = readTime(in: line), !line.lower.hasPrefix("by "), time.lowerBound > 0, time.lowerBound <= 5 {
            let name = words[..<time.lowerBound]
            if name.allSatisfy({ $0.first?.isUppercase == true || $0 == "of" || $0 == "the" }) {
                return name.joined(separator: " ")
            }
        }
        return nil
    }

    /// The capitalized words (with "of", "the") right before `end`, as a name: "The Kyiv Independent".
    private static func capitalizedRun(_ words: [String], endingBefore end: Int) -> String? {
        var start = end
        while start > 0, words[start - 1].first?.isUppercase == true || ["of", "the"].contains(words[start - 1]),
              end - start < 5 {
            start -= 1
        }
        while start < end, ["of", "the"].contains(words[start]) { start += 1 }
        return start < end ? words[start..<end].joined(separator: " ") : nil
    }

    /// A wire dateline opening the story's first paragraph: the outlet it names, if any, and the paragraph
    /// without the tag. `nil` when the line has none.
    static func wireTag(_ text: String) -> (outlet: String?, rest: String)? {
        if let tag = parenthesizedTag(text) { return tag }
        if let tag = slashAgency(text) { return tag }
        if let tag = cityDateline(text) { return tag }
        return nil
    }

    /// "(Bloomberg) -- Text", "(MENAFN- UkrinForm) Text", "(Reuters) - Text".
    private static func parenthesizedTag(_ text: String) -> (outlet: String?, rest: String)? {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close]
        guard inner.count <= 40, inner.wordCount <= 5, inner.first?.isUppercase == true,
              !inner.contains(where: \.isNumber) else { return nil }
        var rest = text[text.index(after: close)...].drop { $0 == " " }
        rest = rest.drop { "-–—:".contains($0) }.drop { $0 == " " }
        guard let first = rest.first, first.isUppercase || "\"“‘'".contains(first) else { return nil }
        let name = inner.split(whereSeparator: { "-–—".contains($0) }).first.map { String($0).trimmed }
        return (name.flatMap { $0.isEmpty ? nil : $0 }, String(rest))
    }

    /// "MOSCOW, March 13. /TASS/. Text": an agency between slashes within the first words.
    private static func slashAgency(_ text: String) -> (outlet: String?, rest: String)? {
        let words = text.split(separator: " ", maxSplits: 8)
        for (i, word) in words.prefix(8).enumerated() {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,:"))
            guard trimmed.count >= 4, trimmed.hasPrefix("/"), trimmed.hasSuffix("/") else { continue }
            let name = trimmed.dropFirst().dropLast()
            guard name.count >= 2, name.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == " " }) else { continue }
            let rest = words.dropFirst(i + 1).joined(separator: " ")
            return (String(name), rest.isEmpty ? text : rest)
        }
        return nil
    }

    /// "KYIV, Ukraine — Text", "LONDON (Reuters) - Text": a place in capitals, perhaps an agency, and a dash.
    private static func cityDateline(_ text: String) -> (outlet: String?, rest: String)? {
        let words = text.split(separator: " ", maxSplits: 10).map(String.init)
        guard let first = words.first?.trimmingCharacters(in: CharacterSet(charactersIn: ",")),
              first.count >= 3, first.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "." }),
              !notPlaces.contains(first.lowercased()) else { return nil }
        for (i, word) in words.enumerated().dropFirst().prefix(6) where ["—", "–", "-", "--"].contains(word) {
            let agency = words[1..<i].last.flatMap { $0.hasPrefix("(") && $0.hasSuffix(")") ? String($0.dropFirst().dropLast()) : nil }
            return (agency, text)
        }
        return nil
    }

    /// Capitalised labels that open lines the way a place name opens a dateline.
    static let notPlaces: Set<String> = ["breaking", "exclusive", "update", "updated", "live", "watch", "analysis",
                                         "opinion", "file", "photo", "video", "editor's", "correction", "warning"]

    /// "… such attacks. (ILKHA)": an agency's name in brackets after the story's last sentence.
    static func signOff(_ text: String) -> (outlet: String, rest: String)? {
        guard let inner = Boilerplate.trailingParenthetical(text), (1...3).contains(inner.wordCount),
              inner.first?.isUppercase == true, inner.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "." }),
              let open = text.lastIndex(of: "(") else { return nil }
        let rest = String(text[..<open]).trimmed
        guard ReaderLine.endsSentence(rest), rest.wordCount >= 6 else { return nil }
        return (inner, rest)
    }

    /// "©2024 Bloomberg L.P.", "© 2025 The Associated Press. All rights reserved.", "Copyright 2025 X".
    static func copyrightHolder(_ line: ReaderLine) -> String? {
        guard line.wordCount <= 15 else { return nil }
        var text = Substring(line.text)
        if text.hasPrefix("©") { text = text.dropFirst() }
        else if line.lower.hasPrefix("(c) ") { text = text.dropFirst(4) }
        else if line.lower.hasPrefix("copyright") { text = text.dropFirst(9).drop { $0 == " " || $0 == "©" } }
        else { return nil }
        var words = text.split(separator: " ").filter { !$0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "–" } }
        if let first = words.first, first.prefix(4).allSatisfy(\.isNumber) {
            words[0] = first.drop { $0.isNumber || $0 == "-" || $0 == "–" }
        }
        var name = words.filter { !$0.isEmpty }.joined(separator: " ")
        if let stop = name.range(of: ". All rights", options: .caseInsensitive) ?? name.range(of: " All rights", options: .caseInsensitive) {
            name = String(name[..<stop.lowerBound])
        }
        for suffix in [" L.P.", " LP", " Inc.", " Inc", " Ltd.", " Ltd", " LLC", " plc", " Limited", " GmbH", " S.A.", "."]
        where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        name = name.trimmed
        return name.isEmpty ? nil : name
    }
}
