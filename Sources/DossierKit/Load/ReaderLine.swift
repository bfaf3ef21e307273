/// One line of a scrape as the reader sees it: tidied, with the facts every rule asks about computed once.
struct ReaderLine: Sendable {
    var text: String {
        didSet { measure() }
    }
    /// 1-based line in the text the reader was given.
    var number: Int
    /// Blank lines between this line and the one before it: headlines are often set apart by more space.
    var gap: Int
    private(set) var lower = ""
    private(set) var wordCount = 0
    private(set) var endsSentence = false

    init(text: String, number: Int, gap: Int) {
        self.text = text
        self.number = number
        self.gap = gap
        measure()
    }

    private mutating func measure() {
        lower = text.lowercased()
        wordCount = text.wordCount
        endsSentence = Self.endsSentence(text)
    }

    /// Ends like a sentence: `.`, `!`, `?` or `:`, perhaps inside closing quotes or brackets. An ellipsis marks
    /// text cut short, not a sentence's end.
    static func endsSentence(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars.reversed().drop { "\"”’'») ]*".unicodeScalars.contains($0) }
        guard let last = scalars.first else { return false }
        if last == "." {
            scalars = scalars.dropFirst()
            return scalars.first != "." // "..." is an ellipsis
        }
        return "!?:;".unicodeScalars.contains(last)
    }

    /// A sentence or more of running text: how article paragraphs look. A long line is running text even
    /// when the scrape cut it off or lost its full stop.
    /// Ends with `.`, `!` or `?`: a whole sentence, not a label ending in `:` or `;`.
    var endsWithFullStop: Bool {
        endsSentence && !":;".unicodeScalars.contains(text.unicodeScalars.reversed().first { !"\"”’'») ]*".unicodeScalars.contains($0) } ?? " ")
    }

    var isProse: Bool { (endsSentence && wordCount >= 6) || wordCount >= 25 }

    var firstLetterIsUppercase: Bool {
        guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
        return first.properties.isUppercase
    }

    var hasLetters: Bool { text.unicodeScalars.contains { $0.properties.isAlphabetic } }

    /// Splits text into lines, dropping blank ones (counted into the next line's `gap`). In text wrapped at a
    /// set width, a line that breaks mid-sentence is joined with the lines that continue it.
    static func split(_ text: String) -> [ReaderLine] {
        let raws = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmed }
        let wrapped = isHardWrapped(raws)
        var lines: [ReaderLine] = []
        var gap = 0
        var number = 0
        for tidy in raws {
            number += 1
            if tidy.isEmpty { gap += 1; continue }
            if wrapped, gap == 0, let previous = lines.last, !previous.endsSentence, previous.wordCount >= 8,
               tidy.unicodeScalars.first?.properties.isAlphabetic == true,
               !previous.lower.hasPrefix("by "), Byline.wireTag(tidy) == nil {
                lines[lines.count - 1].text += " " + tidy
                continue
            }
            lines.append(ReaderLine(text: tidy, number: number, gap: lines.isEmpty ? 0 : gap))
            gap = 0
        }
        return lines
    }
}

extension ReaderLine {
    /// Text broken into lines of a set width, mid-sentence: many lines of nearly the same length that end
    /// without a sentence's end. Such lines are joined until a sentence ends.
    static func isHardWrapped(_ lines: [String]) -> Bool {
        var long = 0
        var widths: [Int] = []
        for (i, line) in lines.enumerated() where line.wordCount >= 8 {
            long += 1
            if i + 1 < lines.count, !lines[i + 1].isEmpty, !endsSentence(line) { widths.append(line.count) }
        }
        guard widths.count >= 5, widths.count * 2 >= long else { return false }
        let median = widths.sorted()[widths.count / 2]
        let even = widths.filter { abs($0 - median) * 100 <= median * 15 }.count
        return even * 10 >= widths.count * 6
    }
}

extension StringProtocol {
    /// Runs of non-space characters; spaces outside ASCII are rare, so only those ask Unicode.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for scalar in unicodeScalars {
            let space = scalar.value == 32 || (scalar.value >= 9 && scalar.value <= 13)
                || (scalar.value > 127 && scalar.properties.isWhitespace)
            if space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}

