/// The build's check for unsourced figures: a number with a unit in a note's sentence or table row that has no link
/// in that sentence or row is a warning at the number, unless the sentence or row carries `<!-- unsourced-ok -->`.
/// A briefing promises that every figure links to its source; this is where a note breaks that promise.
enum UnsourcedFigures {
    /// Warns in `log` about each unsourced figure of `body`, a note's Markdown after its front matter, which starts
    /// on line `firstLine` of the file at `path`.
    static func check(_ body: String, path: String, firstLine: Int, log: inout DiagnosticLog) {
        let blocks = ProseBlocks(body)
        for unit in blocks.units {
            let sentences = ProseSentences(blocks.text, unit: unit, labels: blocks.referenceLabels)
            let scanner = FigureScanner(text: blocks.text, sentences: sentences)
            for sentence in sentences.sentences where !sentence.hasLink && !sentence.isMarked {
                for figure in scanner.figures(in: sentence) {
                    let (line, column) = blocks.position(of: figure.start)
                    let part = unit.isRow ? "row" : "sentence"
                    log.warning(path, line: line + firstLine - 1, column: column,
                                "'\(quote(blocks.text[figure.start..<figure.end]))' is a figure with no source in its \(part): "
                                + "link the report that gives it, or mark the \(part) <!-- \(FigureWords.marker) -->")
                }
            }
        }
    }

    /// The figure as written, a line break or a run of white space as one space (a thin space in a number kept).
    static func quote(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        var space: [Unicode.Scalar] = []
        for c in scalars {
            if c.isWhitespaceScalar { space.append(c); continue }
            if let only = space.first { result.append(space.count == 1 && only != "\n" && only != "\t" ? only : " ") }
            space.removeAll()
            result.append(c)
        }
        return String(result)
    }
}
