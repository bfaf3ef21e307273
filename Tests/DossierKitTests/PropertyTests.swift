import Foundation
import PropertyBased
import Testing
@testable import DossierKit

/// Arbitrary text built from pieces that exercise the readers: boilerplate, markup, numbers and units, YAML
/// syntax, odd Unicode and line breaks, in any order.
enum Arbitrary {
    static let pieces: [String] = [
        "\n", "\n\n", "\r\n", " ", "\t", "\u{00A0}", "\u{2028}", "\u{FEFF}", "\u{0301}", "é", "Ж", "🇺🇦", "—", "·", "•", "’",
        "**", "__", "*", "#", "|", "<", ">", "/", "\\", "\"", "'", ":", "-", "---", "...", "[", "]", "{", "}", "&", ";",
        "date ", "2025-03-17", "2025-02-30", "As of March 13, 2025", "Telegraph19 hours ago", "Home/", "logo",
        "Advertisement · Scroll to continue", "Show more", "Related Articles", "Comments", "DOWNLOAD THE APP",
        "<script>", "</script>", "<b>", "<!--", "-->", "1,300", "78", "1.5", "a thousand", "two hundred and",
        "square kilometers", "sq mi", "km²", "-square-kilometre", "kilometres", "miles", "The headline",
        "title: x", "date:", "topics: [a, b", "- item", "&#106;", "Kursk", ". ", "? ", "Gen.", "0", "99999999999999999999",
    ]

    static let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...60).map { $0.joined() }
}

@Suite("Properties: the readers never crash, and cleaning is idempotent")
struct PropertyTests {
    @Test("the cleaner never crashes and cleaning its own output changes nothing")
    func cleanerIdempotent() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            let once = ArticleCleaner.clean(text)
            let twice = ArticleCleaner.clean(once.paragraphs.joined(separator: "\n"))
            // A text with no sentence at all is kept whole by fallbacks that depend on what stood around its
            // lines; idempotence is a promise about stories: a sentence of six words or more that ends with a full
            // stop, not a line that ends with a colon ("… hours ago date:"), which introduces what follows.
            if once.paragraphs.contains(where: { $0.wordCount >= 6 && ReaderLine.endsSentence($0) && !":;".contains($0.last ?? " ") }) {
                #expect(twice.paragraphs == once.paragraphs)
            }
            #expect(once.paragraphs.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
        }
    }

    @Test("the front matter and note readers never crash, and report problems with a place")
    func frontMatterNeverCrashes() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            for document in ["---\n" + text, "---\n" + text + "\n---\n" + text, text] {
                var log = DiagnosticLog()
                _ = NoteLoader.load(document, path: "content/notes/x.md", stem: "x", log: &log)
                _ = ArticleLoader.load(document, path: "content/articles/x.txt", id: "x", matcher: TopicMatcher(topics: []), log: &log)
                for diagnostic in log.items { #expect(diagnostic.path.hasPrefix("content/")) }
            }
        }
    }

    @Test("the area extractor never crashes and finds only positive, finite areas")
    func extractorNeverCrashes() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            let paragraphs = text.split(separator: "\n").map(String.init)
            for figure in AreaExtractor.figures(in: paragraphs, focus: ["Kursk"]) {
                #expect(figure.km2.isFinite && figure.km2 > 0)
                for quote in figure.quotes {
                    #expect(paragraphs[quote.paragraph].contains(quote.sentence))
                    #expect(quote.sentence.contains(quote.text))
                }
            }
        }
    }

    @Test("the territory CSV reader never crashes")
    func csvNeverCrashes() async {
        await propertyCheck(count: 300, input: Arbitrary.text) { text in
            var log = DiagnosticLog()
            _ = TerritoryCSV.load(TerritoryCSV.header.joined(separator: ",") + "\n" + text, path: "content/territory.csv", log: &log)
            _ = TerritoryCSV.load(text, path: "content/territory.csv", log: &log)
        }
    }

    @Test("the byte-level paths agree with the Unicode ones they shortcut")
    func fastPathsAgree() async {
        await propertyCheck(count: 400, input: Arbitrary.text) { text in
            var ascii = String(String.UnicodeScalarView(text.unicodeScalars.filter(\.isASCII)))
            #expect(ascii.withUTF8(Boilerplate.asciiKey) == Boilerplate.unicodeKey(ascii))
            var copy = text
            if copy.unicodeScalars.contains(where: { !$0.isASCII }) { #expect(copy.withUTF8(Boilerplate.asciiKey) == nil) }
            let headings = text.split(separator: "\n").map(String.init)
            let ids = HeadingAnchors.ids(for: headings)
            #expect(Set(ids).count == ids.count)
            var html = headings.map { "<h2>\(HTML.escape($0))</h2>\n" }.joined()
            let withIds = html.withUTF8 { HeadingAnchors.insert(ids, into: $0) }
            #expect(withIds == zip(headings, ids).map { "<h2 id=\"\(HTML.escape($1))\">\(HTML.escape($0))</h2>\n" }.joined())
        }
    }
}
