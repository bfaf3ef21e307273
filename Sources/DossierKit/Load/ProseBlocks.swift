/// The prose of a note's Markdown body, found line by line: paragraphs, list items, headings and table rows, each
/// a `Unit` in which the unsourced-figure check looks for sentences. Code (fenced and indented), thematic breaks,
/// HTML blocks and reference definitions are left out; the labels of the definitions are kept, for reference links.
///
/// Not a Markdown parser: it follows cmark-gfm's block rules as far as a check of prose needs, in one pass over
/// the lines. Block markup (quote markers, list markers and task boxes, heading marks) is blanked to spaces in
/// `text`, so that positions in `text` stay positions in the body.
struct ProseBlocks {
    struct Unit: Equatable {
        /// Scalar offsets in `text`: the unit is `text[start..<end]`.
        var start: Int
        var end: Int
        /// A table row: one unit, never split into sentences.
        var isRow: Bool
    }

    private(set) var text: [Unicode.Scalar]
    /// Scalar offsets at which the body's lines start.
    private(set) var lineStarts: [Int] = [0]
    private(set) var units: [Unit] = []
    /// Reference-definition labels, normalised (`ProseBlocks.label`).
    private(set) var referenceLabels: Set<String> = []

    init(_ body: String) {
        text = Array(body.unicodeScalars)
        for (i, c) in text.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        scan()
    }

    /// Line (1-based, within the body) and column (1-based, in scalars as the other diagnostics count) of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// A link label as CommonMark compares them: case folded, white space collapsed and trimmed.
    static func label<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var result = String.UnicodeScalarView()
        var space = false
        for c in scalars {
            if c.isWhitespaceScalar { space = !result.isEmpty; continue }
            if space { result.append(" "); space = false }
            result.append(c)
        }
        return String(result).lowercased()
    }

    private enum Open { case paragraph, item }

    private mutating func scan() {
        var fence: (mark: Unicode.Scalar, count: Int, indent: Int)?
        var inHTML = false, inComment = false, table = false, skipDelimiter = false
        var lastBlank = true
        // The unit being extended by the following lines, and what it is.
        var open: (unit: Unit, kind: Open)?
        // The column at which the last list item's content starts, while lines may belong to it.
        var listContent: Int?
        func close() {
            if let (unit, _) = open { units.append(unit) }
            open = nil
        }

        for lineNumber in lineStarts.indices {
            let start = lineStarts[lineNumber]
            let end = lineNumber + 1 < lineStarts.count ? lineStarts[lineNumber + 1] - 1 : text.count
            var p = stripQuotes(start, end)
            if skipDelimiter { skipDelimiter = false; continue }
            if let current = fence {
                if isFence(p, end, closing: current) { fence = nil }
                continue
            }
            let (indent, q) = indentation(p, end)
            if q == end {
                close()
                inHTML = false; table = false; lastBlank = true
                continue
            }
            if inHTML { continue }
            if inComment {
                if contains("-->", q, end) { inComment = false }
                continue
            }
            if let content = listContent, indent < content, lastBlank || open == nil { listContent = nil }
            let relative = listContent.map { max(0, indent - $0) } ?? indent
            defer { lastBlank = false }

            if relative >= 4 {
                // Indented code, unless it continues a paragraph (a lazy or indented continuation line).
                if open != nil { open?.unit.end = end } else if table { units.append(Unit(start: q, end: end, isRow: true)) }
                continue
            }
            p = q
            if let opened = fenceOpening(p, end) {
                close(); table = false
                fence = (opened.mark, opened.count, indent)
                continue
            }
            if let content = atxHeading(p, end) {
                close(); table = false
                units.append(Unit(start: content, end: end, isRow: false))
                continue
            }
            if isBreak(p, end) || (open?.kind == .paragraph && isSetextEquals(p, end)) {
                close(); table = false
                continue
            }
            if let content = listItem(p, end, interrupting: open?.kind == .paragraph && listContent == nil) {
                close(); table = false
                listContent = indent + (content - p)
                open = (Unit(start: content, end: end, isRow: false), .item)
                continue
            }
            if table {
                units.append(Unit(start: p, end: end, isRow: true))
                continue
            }
            if open == nil, let label = definitionLabel(p, end) {
                referenceLabels.insert(label)
                continue
            }
            if open == nil, text[p] == "<" {
                // Raw HTML is left out of the page, and so out of the check; a comment runs to its `-->`.
                if starts("<!--", p, end) { inComment = !contains("-->", p + 4, end) } else { inHTML = true }
                continue
            }
            if lineStarts.indices.contains(lineNumber + 1), contains("|", p, end), isDelimiterRow(lineNumber + 1) {
                close()
                table = true; skipDelimiter = true
                units.append(Unit(start: p, end: end, isRow: true))
                continue
            }
            if open != nil {
                open?.unit.end = end
            } else {
                open = (Unit(start: p, end: end, isRow: false), .paragraph)
            }
        }
        close()
    }

    // MARK: Lines

    /// Blanks the block-quote markers at `start` and returns where the line's content starts.
    private mutating func stripQuotes(_ start: Int, _ end: Int) -> Int {
        var p = start
        while true {
            let (indent, q) = indentation(p, end)
            guard indent <= 3, q < end, text[q] == ">" else { return p }
            text[q] = " "
            p = q + 1
            if p < end, text[p] == " " { p += 1 }
        }
    }

    /// The width of the white space at `p` (tabs to the next multiple of 4) and where it ends.
    private func indentation(_ p: Int, _ end: Int) -> (Int, Int) {
        var width = 0, q = p
        while q < end, text[q] == " " || text[q] == "\t" {
            width = text[q] == "\t" ? (width / 4 + 1) * 4 : width + 1
            q += 1
        }
        return (width, q)
    }

    private func run(of mark: Unicode.Scalar, _ p: Int, _ end: Int) -> Int {
        var q = p
        while q < end, text[q] == mark { q += 1 }
        return q - p
    }

    private func starts(_ prefix: String, _ p: Int, _ end: Int) -> Bool {
        let scalars = prefix.unicodeScalars
        return end - p >= scalars.count && zip(text[p...], scalars).allSatisfy { $0 == $1 }
    }

    /// Whether `needle` (a short ASCII string) occurs in `text[p..<end]`.
    private func contains(_ needle: String, _ p: Int, _ end: Int) -> Bool {
        let first = needle.unicodeScalars.first!
        var q = p
        while q < end {
            if text[q] == first, starts(needle, q, end) { return true }
            q += 1
        }
        return false
    }

    private func fenceOpening(_ p: Int, _ end: Int) -> (mark: Unicode.Scalar, count: Int)? {
        guard p < end, text[p] == "`" || text[p] == "~" else { return nil }
        let count = run(of: text[p], p, end)
        guard count >= 3 else { return nil }
        // A backtick fence's info string holds no backtick (else the line is an inline code span).
        if text[p] == "`", text[(p + count)..<end].contains("`") { return nil }
        return (text[p], count)
    }

    /// Whether the line closes `fence`: as many marks or more, indented at most 3 more than the opening one.
    private func isFence(_ p: Int, _ end: Int, closing fence: (mark: Unicode.Scalar, count: Int, indent: Int)) -> Bool {
        let (indent, q) = indentation(p, end)
        guard indent <= fence.indent + 3 else { return false }
        let count = run(of: fence.mark, q, end)
        return count >= fence.count && indentation(q + count, end).1 == end
    }

    /// Where the text of an ATX heading (`## Title ##`) starts, its marks blanked.
    private mutating func atxHeading(_ p: Int, _ end: Int) -> Int? {
        let level = run(of: "#", p, end)
        guard (1...6).contains(level), p + level == end || text[p + level] == " " || text[p + level] == "\t" else { return nil }
        for k in p..<(p + level) { text[k] = " " }
        // A closing sequence of #s after a space is markup too.
        var k = end
        while k > p + level, text[k - 1] == " " || text[k - 1] == "\t" { k -= 1 }
        var hashes = k
        while hashes > p + level, text[hashes - 1] == "#" { hashes -= 1 }
        if hashes < k, hashes == p + level || text[hashes - 1] == " " || text[hashes - 1] == "\t" {
            for j in hashes..<k { text[j] = " " }
        }
        return p + level
    }

    /// `***`, `---`, `___` (three or more of one, spaces allowed): a thematic break, or a setext underline.
    private func isBreak(_ p: Int, _ end: Int) -> Bool {
        let mark = text[p]
        guard mark == "*" || mark == "-" || mark == "_" else { return false }
        var count = 0
        for c in text[p..<end] {
            if c == mark { count += 1 } else if c != " " && c != "\t" { return false }
        }
        return count >= 3
    }

    private func isSetextEquals(_ p: Int, _ end: Int) -> Bool {
        let count = run(of: "=", p, end)
        return count > 0 && indentation(p + count, end).1 == end
    }

    /// Where a list item's content starts, its marker and task box blanked. An item interrupting a paragraph must
    /// start at 1 if it is numbered, as in CommonMark (so a line starting "2024. " continues the paragraph).
    private mutating func listItem(_ p: Int, _ end: Int, interrupting: Bool) -> Int? {
        var q = p
        if text[q] == "-" || text[q] == "+" || text[q] == "*" {
            q += 1
        } else {
            let digits = text[p..<end].prefix { ("0"..."9").contains($0) }.count
            guard (1...9).contains(digits), p + digits < end, text[p + digits] == "." || text[p + digits] == ")" else { return nil }
            if interrupting, !(digits == 1 && text[p] == "1") { return nil }
            q = p + digits + 1
        }
        guard q == end || text[q] == " " || text[q] == "\t" else { return nil }
        for k in p..<q { text[k] = " " }
        var content = indentation(q, end).1
        if content + 2 < end, text[content] == "[", "xX ".unicodeScalars.contains(text[content + 1]), text[content + 2] == "]",
           content + 3 == end || text[content + 3] == " " {
            for k in content..<(content + 3) { text[k] = " " }
            content = indentation(content + 3, end).1
        }
        return content
    }

    /// The label of a reference definition `[label]: destination`.
    private func definitionLabel(_ p: Int, _ end: Int) -> String? {
        guard text[p] == "[" else { return nil }
        var q = p + 1
        while q < end, q - p <= 1000, text[q] != "]" {
            if text[q] == "[" { return nil }
            q += text[q] == "\\" ? 2 : 1
        }
        guard q + 1 < end, q - p <= 1000, text[q] == "]", text[q + 1] == ":" else { return nil }
        let label = Self.label(text[(p + 1)..<q])
        return label.isEmpty ? nil : label
    }

    /// Whether the line is a table's delimiter row: `|---|:--:|`, cells of dashes with optional colons.
    private func isDelimiterRow(_ lineNumber: Int) -> Bool {
        let start = lineStarts[lineNumber]
        let end = lineNumber + 1 < lineStarts.count ? lineStarts[lineNumber + 1] - 1 : text.count
        let line = text[start..<end]
        // `>` for the quote markers of a table in a block quote, not yet blanked on this line.
        return line.contains("-") && line.allSatisfy { "-:| \t>".unicodeScalars.contains($0) }
    }
}
