import Foundation

/// What the reader makes of a raw scrape: the article's own paragraphs, what the text says about itself, and
/// for `inspect` every line it left out and where each inferred field came from.
public struct CleanedArticle: Sendable, Equatable {
    public var paragraphs: [String] = []
    public var headline: String?
    public var date: Day?
    public var outlet: String?
    public var dropped: [DroppedLine] = []
    public var evidence: [Evidence] = []
    /// Things an editor should look at: an ambiguous date, say.
    public var notes: [String] = []
}

/// Reads a scraped page the way a careful editor would. The page's head is read as a whole: the headline is
/// a line of headline shape near the top (preferably one printed twice; a bold line only when nothing better
/// stands before it); what stands above it, and what stands between it and the story's first sentence, is
/// page furniture; a wire dateline ("(Reuters) -") starts the story. Bylines, date lines and datelines give
/// the date and outlet and are dropped. In the body, furniture is dropped by kind (`Boilerplate`), short lines
/// that are not sentences are crossheads or story links, a related-stories section ends the article, and
/// repeats are kept once. A long line cut off mid-sentence is text the scrape truncated, and is kept.
public enum ArticleCleaner {
    public static func clean(_ raw: String) -> CleanedArticle {
        var reading = Reading(lines: ReaderLine.split(RawHTML.strip(raw)))
        reading.readDateMarker()
        reading.readWireTags()
        reading.classify()
        reading.readHead()
        reading.readBody()
        reading.dropRepeats()
        reading.inferDateAndOutlet()
        return reading.collected()
    }
}

/// The reader's work on one scrape: each line is kept or dropped with a rule, in passes.
struct Reading {
    var lines: [ReaderLine]
    var rules: [DropRule?]
    var headline: Int?
    /// The line a wire dateline opens: the story's first paragraph.
    var storyStart: Int?
    /// The story's first line, once the head is read.
    var bodyStartIndex = 0
    var result = CleanedArticle()

    init(lines: [ReaderLine]) {
        self.lines = lines
        rules = Array(repeating: nil, count: lines.count)
    }

    /// ` date 2025-03-17 Text…`: a scraper's date marker; the text glued after it is read like any line.
    mutating func readDateMarker() {
        guard let first = lines.first, first.lower.hasPrefix("date ") else { return }
        let rest = first.text.dropFirst(5).drop { $0 == " " }
        guard let day = Day(iso: String(rest.prefix(10))) else { return }
        note(date: day, line: first)
        let after = String(rest.dropFirst(10)).trimmed
        if after.isEmpty { lines.removeFirst(); rules.removeFirst() } else { lines[0].text = after }
    }

    /// "(Bloomberg) -- …", "MOSCOW, March 13. /TASS/. …" near the top; "… (ILKHA)" after a story's last sentence.
    mutating func readWireTags() {
        for i in lines.indices.prefix(10) {
            guard !Boilerplate.isCaption(lines[i]), let tag = Byline.wireTag(lines[i].text) else { continue }
            if let outlet = tag.outlet { note(outlet: outlet, line: lines[i]) }
            lines[i].text = tag.rest
            storyStart = i
            break
        }
        for i in lines.indices.reversed().prefix(3) {
            guard let signOff = Byline.signOff(lines[i].text) else { continue }
            note(outlet: signOff.outlet, line: lines[i])
            lines[i].text = signOff.rest
            break
        }
    }

    mutating func classify() {
        for i in lines.indices where i != storyStart {
            lines[i].text = Boilerplate.removingTrailingWidgets(lines[i].text)
            rules[i] = Boilerplate.rule(for: lines[i])
        }
    }

    /// Finds the headline and drops what is not story around it.
    mutating func readHead() {
        let firstProse = lines.indices.first { rules[$0] == nil && lines[$0].isProse } ?? lines.count
        let limit = storyStart ?? lines.count
        headline = repeatedHeadline(before: limit) ?? shapedHeadline(before: min(firstProse, limit))
            ?? boldHeadline(before: limit) ?? setApartHeadline(firstProse: firstProse)
        if let h = headline {
            result.headline = Boilerplate.unbolded(lines[h].text)
            result.evidence.append(Evidence(field: "title", line: lines[h].number, text: lines[h].text))
        }
        let bodyStart: Int
        if let storyStart {
            for i in 0..<storyStart where i != headline { drop(i, .beforeDateline) }
            bodyStart = storyStart
        } else {
            let from = headline.map { $0 + 1 } ?? 0
            // With no sentence anywhere, the story is whatever follows the headline: never nothing.
            bodyStart = lines.indices.dropFirst(from).first { rules[$0] == nil && lines[$0].isProse }
                ?? lines.indices.dropFirst(from).first { rules[$0] == nil } ?? lines.count
            let headlineKey = headline.map { Boilerplate.key(lines[$0].text) }
            for i in 0..<bodyStart where i != headline && !lines[i].isProse {
                if Boilerplate.key(lines[i].text) == headlineKey { drop(i, .repeatedHeadline); continue }
                let above = headline.map { i < $0 } == true
                // A whole sentence above the headline is a standfirst; labels and tags ("Live:", "-km²;") are not
                // sentences. Where no headline was found, a standfirst is what the text holds above the story's first
                // sentence, as it is when an article this reader cleaned is read again without its headline.
                if (above || headline == nil) && lines[i].endsWithFullStop { continue }
                drop(i, above ? .aboveHeadline : .head)
            }
        }
        bodyStartIndex = bodyStart
    }

    /// A line of headline shape printed twice near the top: the surest sign of a headline.
    private func repeatedHeadline(before limit: Int) -> Int? {
        let candidates = lines.indices.prefix(8).filter { $0 < limit && rules[$0] == nil && isHeadlineShaped($0, minWords: 2) }
        return candidates.first { i in
            let key = Boilerplate.key(lines[i].text)
            return lines.indices.dropFirst(i + 1).prefix(12).contains { Boilerplate.key(lines[$0].text) == key }
        }
    }

    /// The first line of headline shape above the story's first sentence.
    private func shapedHeadline(before limit: Int) -> Int? {
        lines.indices.prefix(limit).first { rules[$0] == nil && isHeadlineShaped($0, minWords: 4) && !Boilerplate.isBold(lines[$0].text) }
    }

    private func boldHeadline(before limit: Int) -> Int? {
        lines.indices.prefix(min(limit, 6)).first { rules[$0] == nil && Boilerplate.isBold(lines[$0].text) }
    }

    /// A short sentence alone on top, set apart from the story by more space than its paragraphs are
    /// ("Syrsky reported on the situation."): a headline that ends with a full stop.
    private func setApartHeadline(firstProse: Int) -> Int? {
        guard firstProse < lines.count, lines.indices.prefix(firstProse).allSatisfy({ rules[$0] != nil }),
              storyStart == nil else { return nil }
        let line = lines[firstProse]
        let next = lines.indices.dropFirst(firstProse + 1).first { rules[$0] == nil }
        guard let next, line.wordCount <= 14, line.firstLetterIsUppercase, !line.text.dropLast().contains(". "),
              lines[next].isProse, lines[next].wordCount > line.wordCount else { return nil }
        let gaps = lines.indices.dropFirst(next + 1).map { lines[$0].gap }
        let usual = gaps.sorted().dropFirst(gaps.count / 2).first ?? 0
        return lines[next].gap > usual ? firstProse : nil
    }

    private func isHeadlineShaped(_ i: Int, minWords: Int) -> Bool {
        let line = lines[i]
        let text = Boilerplate.unbolded(line.text)
        guard (minWords...25).contains(text.wordCount), line.firstLetterIsUppercase || text.first?.isNumber == true else { return false }
        if let last = text.last, ".,;:".contains(last) { return false }
        return text.contains { $0.isLowercase } || text.wordCount <= 14
    }

    /// In the story: a related-stories section ends it; a "Read also" list is skipped; short lines that are
    /// not sentences are crossheads or story links; an author's biography may close it.
    mutating func readBody() {
        var i = bodyStartIndex
        var inTeaserList = false
        while i < lines.count {
            defer { i += 1 }
            guard rules[i] == nil, i != headline else { continue }
            let line = lines[i]
            if Boilerplate.isRelatedSectionHeader(line), i > bodyStartIndex {
                for j in i..<lines.count where rules[j] == nil { drop(j, .relatedSection) }
                break
            }
            if Boilerplate.isTeaserHeader(line) { drop(i, .teaser); inTeaserList = true; continue }
            if inTeaserList, !line.isProse { drop(i, .teaser); continue }
            inTeaserList = false
            if !line.endsSentence, line.wordCount <= 16, i != storyStart { drop(i, .subheading); continue }
            // "Explore what X can do for you:" is a widget's label; "He wrote:" leads into a quotation.
            if line.text.hasSuffix(":"), line.wordCount <= 10,
               !line.lower.words.contains(where: { Self.sayingVerbs.contains(String($0)) }) {
                drop(i, .subheading)
            }
        }
        var kept = lines.indices.filter { rules[$0] == nil && $0 != headline }
        if kept.isEmpty {
            // A page of nothing but short lines is its own text, not crossheads around a missing story.
            for j in lines.indices where rules[j] == .subheading { rules[j] = nil }
            kept = lines.indices.filter { rules[$0] == nil && $0 != headline }
        }
        if kept.isEmpty, let h = headline {
            // Nor is a headline taken at the cost of the whole text.
            headline = nil
            result.headline = nil
            result.evidence.removeAll { $0.field == "title" }
            kept = [h]
        }
        for j in kept.suffix(3) where rules[j] == nil && Boilerplate.isAuthorBio(lines[j]) { drop(j, .authorBio) }
    }

    static let sayingVerbs: Set<String> = ["said", "says", "say", "wrote", "writes", "added", "adds", "told", "tells",
                                           "stated", "states", "announced", "noted", "declared", "posted", "explained",
                                           "warned", "asked", "replied", "follows", "following", "include", "includes"]

    mutating func dropRepeats() {
        var seen = Set<String>()
        if let headline { seen.insert(Boilerplate.key(lines[headline].text)) }
        for i in lines.indices where rules[i] == nil && i != headline {
            let key = Boilerplate.key(lines[i].text)
            if !seen.insert(key).inserted {
                drop(i, headline.map { Boilerplate.key(lines[$0].text) == key } == true ? .repeatedHeadline : .repeated)
            }
        }
    }

    /// The result, with the kept paragraphs and every dropped line.
    func collected() -> CleanedArticle {
        var result = result
        let kept = lines.indices.filter { rules[$0] == nil && $0 != headline }
        result.paragraphs = kept.map { Boilerplate.unbolded(lines[$0].text) }
        // A fact found in a line the page keeps as it was can be shown in its paragraph; a line whose scraper date
        // marker or wire tag was cut off no longer shows the fact.
        for i in result.evidence.indices {
            guard let p = kept.firstIndex(where: { lines[$0].number == result.evidence[i].line }),
                  lines[kept[p]].text == result.evidence[i].text else { continue }
            result.evidence[i].paragraph = p + 1
        }
        result.dropped = lines.indices.compactMap { i in
            rules[i].map { DroppedLine(line: lines[i].number, text: lines[i].text, rule: $0) }
        }
        return result
    }

    /// Date and outlet from the lines that carry them: bylines, date lines, datelines, "As of …" in the
    /// opening paragraphs, and copyright lines. A date in a caption is a photo's, never the article's.
    mutating func inferDateAndOutlet() {
        // Above the story only: further down, a time and a name belong to some other story's teaser.
        for line in lines.indices.prefix(bodyStartIndex + 1).filter({ [.byline, .dateLine].contains(rules[$0]) }).map({ lines[$0] }) {
            if result.outlet == nil, let outlet = Byline.outlet(in: line) { note(outlet: outlet, line: line) }
            if result.date == nil { readDate(in: line) }
        }
        if result.date == nil {
            for i in lines.indices.prefix(bodyStartIndex + 6) where rules[i] == nil {
                guard let phrase = DatePhrase.explicit(in: lines[i].text) else { continue }
                readDate(in: lines[i], text: phrase)
                if result.date != nil { break }
            }
        }
        if result.outlet == nil, let i = lines.indices.first(where: { rules[$0] == .copyright }),
           let holder = Byline.copyrightHolder(lines[i]) {
            note(outlet: holder, line: lines[i])
        }
    }

    private mutating func readDate(in line: ReaderLine, text: String? = nil) {
        switch DateText.first(in: text ?? line.text) {
        case .day(let day)?: note(date: day, line: line)
        case .ambiguous(let written)?:
            let note = "line \(line.number): '\(written)' could be day/month or month/day; add 'date:' in front matter"
            if !result.notes.contains(note) { result.notes.append(note) }
        case nil: break
        }
    }

    private mutating func note(date: Day, line: ReaderLine) {
        guard result.date == nil else { return }
        result.date = date
        result.evidence.append(Evidence(field: "date", line: line.number, text: line.text))
    }

    private mutating func note(outlet: String, line: ReaderLine) {
        guard result.outlet == nil, !outlet.isEmpty else { return }
        result.outlet = outlet
        result.evidence.append(Evidence(field: "outlet", line: line.number, text: line.text))
    }

    private mutating func drop(_ i: Int, _ rule: DropRule) {
        guard rules[i] == nil else { return }
        rules[i] = rule
    }
}
