import Foundation
import PropertyBased
import Testing
@testable import DossierKit

/// The earlier, regex version of `RawHTML.strip`, repeated until nothing changed: the reference the one-pass
/// scanner must agree with. Quadratic on hostile text, so it only ever sees short inputs here.
enum ReferenceRawHTML {
    static func strip(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var out = text
        while true {
            var next = out
            for element in ["script", "style", "iframe", "noscript", "template", "object"] {
                if let block = try? Regex("(?is)<\(element)\\b[^>]*>.*?</\(element)\\s*>") {
                    next = next.replacing(block, with: "")
                }
            }
            next = next.replacing(#/<!--.*?(-->|$)/#.dotMatchesNewlines(), with: "")
            next = next.replacing(#/<\/?[A-Za-z!?][^<>]*>/#, with: "")
            if next == out { return out }
            out = next
        }
    }
}

@Suite("Raw HTML in scrapes")
struct RawHTMLTests {
    @Test("tags, closed opaque elements and comments go; text and lone brackets stay", arguments: [
        ("a <b>bold</b> word", "a bold word"),
        ("x <script type=x>alert(1)</SCRIPT > y", "x  y"),
        ("before <script>never closed", "before never closed"),
        ("a <!-- note --> b <!-- open to the end", "a  b "),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<style>p{}</style><p>Text</p>", "Text"),
    ])
    func examples(raw: String, text: String) {
        #expect(RawHTML.strip(raw) == text)
        #expect(ReferenceRawHTML.strip(raw) == text)
    }

    @Test("a tag put back together by removing another is removed too")
    func reassembled() {
        #expect(RawHTML.strip("<scr<b></b>ipt>alert(1)</script>after") == "after")
    }

    /// Whole constructs and text, never one construct cut by another.
    static let wellFormed = ["<b>", "</b>", "<p class=x>", "<script>alert(1)</script>", "<STYLE >p{}</style>",
                             "<!-- c -->", "<?xml?>", "<br/>", " < ", " > ", "a", "B", " ", "\n", "é", "x-y", "--"]
    /// Anything, pieces of constructs included.
    static let pieces = ["<", ">", "/", "!", "-", "--", "<!--", "-->", "<b>", "</b>", "<script>", "</script>", "<style x>",
                         "</style >", "<scr", "ipt>", "a", "B", " ", "\n", "é", "<?", "</", "x"]

    @Test("on well-formed markup the one-pass scanner gives what repeated regex passes gave")
    func agreesWithReference() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.wellFormed).map { $0 ?? "" }.array(of: 0...24).map { $0.joined() }) { text in
            #expect(RawHTML.strip(text) == ReferenceRawHTML.strip(text), "\(text.debugDescription)")
        }
    }

    /// Where constructs overlap ("<!--<script>--></script>") the scanner reads left to right, while the passes
    /// removed scripts first; either way no markup is left.
    @Test("on any text no tag, comment or script is left")
    func leavesNoMarkup() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...24).map { $0.joined() }) { text in
            let stripped = RawHTML.strip(text)
            #expect(ReferenceRawHTML.strip(stripped) == stripped, "\(text.debugDescription)")
        }
    }
}
