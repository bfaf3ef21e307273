/// One prose unit of a note (a paragraph, list item, heading or table row) read inline: which scalars are code,
/// links or left out (HTML comments, images), where its sentences are, and whether each has a link or the
/// `<!-- unsourced-ok -->` marker. Every step is one pass, or bounded work per scalar: no input makes it slower
/// than linear.
struct ProseSentences {
    enum Kind: UInt8 {
        /// Prose, where figures and sentence ends are looked for.
        case text
        /// A code span.
        case code
        /// A link: inline, reference, autolink or bare URL, its text and address.
        case link
        /// Not on the page as prose: an HTML comment or an image.
        case omitted
    }

    struct Sentence: Equatable {
        /// Offsets in the body's text, `start..<end`.
        var start: Int
        var end: Int
        var hasLink: Bool
        var isMarked: Bool
    }

    let unit: ProseBlocks.Unit
    private(set) var kinds: [Kind]
    private(set) var sentences: [Sentence] = []
    /// Where each link and each marker starts, in order.
    private var links: [Int] = []
    private var markers: [Int] = []

    /// Characters that may stand between a sentence's final mark and the space after it, and before the capital.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»", "*", "_"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«", "~"]

    init(_ text: [Unicode.Scalar], unit: ProseBlocks.Unit, labels: Set<String>) {
        self.unit = unit
        kinds = Array(repeating: .text, count: unit.end - unit.start)
        markCodeSpans(text)
        markLinks(text, labels: labels)
        split(text)
    }

    func kind(_ offset: Int) -> Kind { kinds[offset - unit.start] }
    func isText(_ offset: Int) -> Bool { kinds[offset - unit.start] == .text }

    private mutating func mark(_ range: Range<Int>, _ kind: Kind) {
        for k in range { kinds[k - unit.start] = kind }
    }

    // MARK: Code spans

    /// A run of n backticks opens a code span closed by the next run of exactly n. The next run of each length is
    /// found once, walking back, so that a text of unmatched runs costs no more than one of matched ones.
    private mutating func markCodeSpans(_ text: [Unicode.Scalar]) {
        var runs: [(start: Int, count: Int)] = []
        var i = unit.start
        while i < unit.end {
            guard text[i] == "`" else { i += 1; continue }
            let start = i
            while i < unit.end, text[i] == "`" { i += 1 }
            runs.append((start, i - start))
        }
        guard runs.count > 1 else { return }
        var nextSame = Array(repeating: -1, count: runs.count)
        var lastOfLength: [Int: Int] = [:]
        for r in runs.indices.reversed() {
            nextSame[r] = lastOfLength[runs[r].count] ?? -1
            lastOfLength[runs[r].count] = r
        }
        var r = 0
        while r < runs.count {
            let closer = nextSame[r]
            guard closer >= 0 else { r += 1; continue }
            mark(runs[r].start..<(runs[closer].start + runs[closer].count), .code)
            r = closer + 1
        }
    }

    // MARK: Links and comments

    private mutating func markLinks(_ text: [Unicode.Scalar], labels: Set<String>) {
        let parens = matchingParens(text)
        var brackets: [(start: Int, isImage: Bool)] = []
        var commentsClose = true // false once a `<!--` found no `-->`: none after it will either
        var i = unit.start
        while i < unit.end {
            guard isText(i) else { i += 1; continue }
            switch text[i] {
            case "\\":
                i += 2
            case "<":
                if starts("<!--", at: i, text), commentsClose {
                    guard let close = find("-->", from: i + 4, text) else { commentsClose = false; i += 1; continue }
                    mark(i..<(close + 3), .omitted)
                    if ProseBlocks.label(text[(i + 4)..<close]) == FigureWords.marker { markers.append(i) }
                    i = close + 3
                } else if let close = autolinkEnd(from: i, text) {
                    mark(i..<(close + 1), .link)
                    links.append(i)
                    i = close + 1
                } else {
                    i += 1
                }
            case "!" where i + 1 < unit.end && text[i + 1] == "[":
                brackets.append((i + 1, true))
                i += 2
            case "[":
                brackets.append((i, false))
                i += 1
            case "]":
                guard let opener = brackets.popLast() else { i += 1; continue }
                guard let close = linkEnd(opener: opener.start, closer: i, text, parens: parens, labels: labels) else {
                    i += 1
                    continue
                }
                let start = opener.isImage ? opener.start - 1 : opener.start
                mark(start..<(close + 1), opener.isImage ? .omitted : .link)
                if !opener.isImage {
                    links.append(start)
                    brackets.removeAll() // a link holds no link: the brackets around it are text
                }
                i = close + 1
            case "h", "H", "w", "W":
                guard let end = bareURLEnd(from: i, text) else { i += 1; continue }
                mark(i..<end, .link)
                links.append(i)
                i = end
            default:
                i += 1
            }
        }
    }

    /// For each `(` outside code, the offset of its matching `)`.
    private func matchingParens(_ text: [Unicode.Scalar]) -> [Int: Int] {
        var matches: [Int: Int] = [:]
        var open: [Int] = []
        var i = unit.start
        while i < unit.end {
            defer { i += 1 }
            guard isText(i) else { continue }
            switch text[i] {
            case "\\": i += 1
            case "(": open.append(i)
            case ")": if let start = open.popLast() { matches[start] = i }
            default: break
            }
        }
        return matches
    }

    /// Where the link whose text runs from `opener` (`[`) to `closer` (`]`) ends: `[text](address)`,
    /// `[text][label]`, `[text][]` or `[text]` with a defined label.
    private func linkEnd(opener: Int, closer: Int, _ text: [Unicode.Scalar], parens: [Int: Int], labels: Set<String>) -> Int? {
        let after = closer + 1
        if after < unit.end, text[after] == "(", let close = parens[after] { return close }
        guard !labels.isEmpty else { return nil }
        if after < unit.end, text[after] == "[" {
            // A label holds no bracket and at most 999 characters: the search for its end is bounded.
            var end = after + 1
            while end < unit.end, end - after <= 1000, text[end] != "]", text[end] != "[" { end += 1 }
            guard end < unit.end, text[end] == "]" else { return nil }
            let label = end == after + 1 ? self.label(opener + 1, closer, text) : self.label(after + 1, end, text)
            return label.map(labels.contains) == true ? end : nil
        }
        return label(opener + 1, closer, text).map(labels.contains) == true ? closer : nil
    }

    private func label(_ start: Int, _ end: Int, _ text: [Unicode.Scalar]) -> String? {
        end - start <= 999 ? ProseBlocks.label(text[start..<end]) : nil
    }

    /// `<scheme:…>`: where its `>` is.
    private func autolinkEnd(from i: Int, _ text: [Unicode.Scalar]) -> Int? {
        var k = i + 1
        guard k < unit.end, text[k].isASCII, text[k].isAlphabeticScalar else { return nil }
        while k < unit.end, k - i <= 33, text[k].isASCII, text[k].isWordScalar || "+.-".unicodeScalars.contains(text[k]) { k += 1 }
        guard k < unit.end, text[k] == ":", k - i >= 3 else { return nil }
        while k < unit.end, text[k] != ">", text[k] != "<", !text[k].isWhitespaceScalar { k += 1 }
        return k < unit.end && text[k] == ">" ? k : nil
    }

    /// A bare `https://…`, `http://…` or `www.…` (GFM's extended autolink) at a word's start: where it ends, trailing
    /// punctuation and unbalanced closing parentheses left out, as GFM leaves them.
    private func bareURLEnd(from i: Int, _ text: [Unicode.Scalar]) -> Int? {
        if i > unit.start, !(text[i - 1].isWhitespaceScalar || "(*_~\"".unicodeScalars.contains(text[i - 1])) { return nil }
        guard let prefix = ["https://", "http://", "www."].first(where: { startsCaseless($0, at: i, text) }) else { return nil }
        let host = i + prefix.unicodeScalars.count
        guard host < unit.end, text[host].isWordScalar else { return nil }
        var end = host
        var depth = 0
        while end < unit.end, isText(end), !text[end].isWhitespaceScalar, text[end] != "<" {
            if text[end] == "(" { depth += 1 } else if text[end] == ")" { depth -= 1 }
            end += 1
        }
        while end > host, "?!.,:*_~'\")".unicodeScalars.contains(text[end - 1]) {
            if text[end - 1] == ")" {
                guard depth < 0 else { break }
                depth += 1
            }
            end -= 1
        }
        return end
    }

    private func starts(_ prefix: String, at i: Int, _ text: [Unicode.Scalar]) -> Bool {
        let scalars = prefix.unicodeScalars
        return unit.end - i >= scalars.count && zip(text[i...], scalars).allSatisfy { $0 == $1 }
    }

    private func startsCaseless(_ prefix: String, at i: Int, _ text: [Unicode.Scalar]) -> Bool {
        let scalars = prefix.unicodeScalars
        return unit.end - i >= scalars.count && zip(text[i...], scalars).allSatisfy { $0.asciiLowercased == $1 }
    }

    private func find(_ needle: String, from i: Int, _ text: [Unicode.Scalar]) -> Int? {
        var k = i
        while k < unit.end {
            if text[k] == needle.unicodeScalars.first!, starts(needle, at: k, text) { return k }
            k += 1
        }
        return nil
    }

    // MARK: Sentences

    /// Sentences end at `.`, `!` or `?` (and closing quotes or brackets) followed by white space and a capital,
    /// digit, opening quote or bracket; not after an abbreviation, nor in code or a link. A comment right after
    /// the end belongs to the sentence it follows: an editor puts the marker after the full stop. A table row is
    /// one sentence.
    private mutating func split(_ text: [Unicode.Scalar]) {
        links.sort() // a bare URL inside a link's text was found before the link
        var starts = [unit.start]
        if !unit.isRow {
            var i = unit.start
            while i < unit.end {
                defer { i += 1 }
                guard isText(i), text[i] == "." || text[i] == "!" || text[i] == "?" else { continue }
                if text[i] == ".", isAbbreviation(endingAt: i, text) { continue }
                var k = i + 1
                while k < unit.end, isText(k), Self.closers.contains(text[k]) { k += 1 }
                guard k < unit.end, isText(k), text[k].isWhitespaceScalar else { continue }
                while k < unit.end, kind(k) == .omitted || (isText(k) && text[k].isWhitespaceScalar) { k += 1 }
                var n = k
                while n < unit.end, isText(n), text[n] == "*" || text[n] == "_" { n += 1 }
                guard n < unit.end else { continue }
                let next = text[n]
                if kind(n) == .link || (isText(n) && (next.isUppercaseScalar || ("0"..."9").contains(next) || Self.openers.contains(next))) {
                    starts.append(k)
                    i = k - 1
                }
            }
        }
        var link = 0, marker = 0
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : unit.end
            var sentence = Sentence(start: start, end: end, hasLink: false, isMarked: false)
            while link < links.count, links[link] < end { sentence.hasLink = true; link += 1 }
            while marker < markers.count, markers[marker] < end { sentence.isMarked = true; marker += 1 }
            sentences.append(sentence)
        }
    }

    /// Whether the full stop at `i` ends one of `FigureWords.abbreviations` ("Gen.", "U.S.").
    private func isAbbreviation(endingAt i: Int, _ text: [Unicode.Scalar]) -> Bool {
        var start = i
        while start > unit.start, i - start < FigureWords.longestAbbreviation,
              text[start - 1].isAlphabeticScalar || text[start - 1] == "." { start -= 1 }
        if start > unit.start, text[start - 1].isAlphabeticScalar { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: text[start...i])
        return FigureWords.abbreviations.contains(String(word))
    }
}

