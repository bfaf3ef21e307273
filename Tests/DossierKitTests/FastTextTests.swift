import Foundation
import Testing
@testable import DossierKit

/// The hot-path text helpers must answer exactly as the Unicode and Foundation calls they stand in for.
@Suite("Fast text helpers agree with the calls they replace")
struct FastTextTests {
    /// Every ASCII scalar, and a spread of others: Cyrillic, Greek, accented Latin, marks, spaces, digits, symbols.
    static let scalars: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init)
        + "ÀéßŁЖжЁΣσ²³١٢ \u{A0}\u{2007}\u{2009}\u{202F}\u{200B}\u{FEFF}\u{85}\u{301}\u{2028}–—’€中"
            .unicodeScalars.map { $0 }

    @Test("letters, spaces and capitals: the same answers as Unicode's properties")
    func scalarProperties() {
        for c in Self.scalars {
            #expect(c.isAlphabeticScalar == c.properties.isAlphabetic, "\(c.value)")
            #expect(c.isWhitespaceScalar == c.properties.isWhitespace, "\(c.value)")
            #expect(c.isUppercaseScalar == c.properties.isUppercase, "\(c.value)")
        }
    }

    @Test("a byte search finds what Foundation finds, on random ASCII and non-ASCII text")
    func byteSearch() {
        var random = SeededRandom(state: 13)
        let alphabet = Array("ab /Жé")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let needle = String((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(text.containsBytes(needle) == text.contains(needle), "\(text) / \(needle)")
        }
    }

    @Test("a caption label's end is found where a search character by character finds it, marks and prepended signs too")
    func labelEnd() {
        var random = SeededRandom(state: 15)
        // A mark after a separator makes another character of it; an Arabic number sign (a prepended sign) swallows
        // the separator after it; a line feed after a carriage return is one character.
        let pieces = [":", "-", "–", "—", "\u{301}", "\u{600}", "\u{200D}", "👍", "a", " ", "é", "\r", "\n", "photo"]
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let expected = text.firstIndex { $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" }
            #expect(Boilerplate.firstLabelEnd(in: text) == expected, "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test("the first words of a text are the first of all its words")
    func leadingWords() {
        for text in ["", "one", "  one, two;three — four five", "Ж-é 12 x", "a b c d e f"] {
            for limit in 0...6 { #expect(text.words(limit: limit) == Array(text.words.prefix(limit)), "\(text) \(limit)") }
        }
    }

    @Test("an agency credit is read the same in ASCII and beyond it")
    func agencyCredit() {
        #expect(Boilerplate.hasAgencySlashCredit("Troops near Sudzha. REUTERS/Viacheslav Ratynskyi"))
        #expect(Boilerplate.hasAgencySlashCredit("Фото: УНІАН/Олег Петрасюк"))
        #expect(Boilerplate.hasAgencySlashCredit("ÉPA/Émile Dupont"))
        #expect(!Boilerplate.hasAgencySlashCredit("Reuters/Viacheslav"))
        #expect(!Boilerplate.hasAgencySlashCredit("km/h and 1/2 of AB/cd"))
        #expect(!Boilerplate.hasAgencySlashCredit("no slash AT ALL"))
    }
}
