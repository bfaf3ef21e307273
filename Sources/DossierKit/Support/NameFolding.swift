/// One key for the spellings that the systems writing Ukrainian and Russian in Latin letters (BGN/PCGN, Ukraine's
/// 2010 national system, ALA-LC, the scholarly system, popular usage) give a single word: "Zelenskyy",
/// "Zelenskiy", "Zelensky", "Zelens'kyi" and "Zelensʹkyĭ" have one key, "Zelenska" (a different name) another.
/// It folds only where those systems differ, and only in words of six letters or more: shorter words are too
/// often English words or different names that differ just there (Asia and Asya, pesky and Peski).
///
/// | spellings                                   | key      | what they write                            |
/// |---------------------------------------------|----------|--------------------------------------------|
/// | ' ’ ʼ ʹ ʺ inside a word                      | dropped  | the soft sign and apostrophe, or nothing   |
/// | ĭ, ï                                        | j, i     | ALA-LC's й and ї                           |
/// | ya ia ja, yu iu ju, ye ie je                | ja ju je | я, ю, є                                    |
/// | yy yi yj iy ii ij at the end after a consonant | yj    | -ий, -ій: Zaluzhnyi, Zaluzhniy; Oleksii    |
/// | and y, i at the end after sk, ck            | yj       | -ський, -цький: Zelensky, Zelenski         |
///
/// Every key is itself one of the spellings it stands for, so folding a key changes nothing.
enum NameFolding {
    static let minimumLetters = 6

    /// The words of `text`, each with its key and its place: runs of letters and digits, and an apostrophe
    /// between letters stays inside its word ("Zelens'kyi") unless an English clitic follows it ("Zelenskyy's").
    static func words(in text: String) -> [(key: String, range: Range<String.Index>)] {
        var words: [(key: String, range: Range<String.Index>)] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar.isApostrophe ? start != nil && joins(scalars[next...]) : scalar.isWordScalar {
                if start == nil { start = index }
            } else if let s = start {
                words.append((key(text[s..<index]), s..<index))
                start = nil
            }
            index = next
        }
        if let s = start { words.append((key(text[s..<text.endIndex]), s..<text.endIndex)) }
        return words
    }

    /// The keys of the words of a term from `topics.yml` or a note's `topics:`.
    static func keys(of term: String) -> [String] { words(in: term).map(\.key) }

    /// The key of one word as `words(in:)` finds it.
    static func key(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return folded(word) }
        var plain = ""
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x12C, 0x12D: plain += "j"
            case 0xCF, 0xEF: plain += "i"
            case 0x361: continue  // ALA-LC's tie over "i͡a"
            default: if !scalar.isApostrophe { plain += scalar.properties.lowercaseMapping }
            }
        }
        return folded(plain[...])
    }

    /// The key of a word of ASCII letters and digits alone, from its bytes: what `key(_:)` gives it, without
    /// making the word a string first (the search index keys every word of every note).
    static func key(asciiWord bytes: UnsafeBufferPointer<UInt8>) -> String { folded(bytes) }

    /// Whether an apostrophe followed by `rest` joins two parts of a word: a letter follows, and what follows is
    /// not an English clitic.
    private static func joins(_ rest: Substring.UnicodeScalarView) -> Bool {
        let part = rest.prefix(3).prefix { $0.isWordScalar && !$0.isApostrophe }
        if part.count == 3 { return true }  // longer than any clitic
        // `| 0x20` lower-cases ASCII letters and leaves every other scalar unequal to a clitic's letters.
        return !part.isEmpty && !clitics.contains { part.elementsEqual($0.unicodeScalars) { $0.value | 0x20 == $1.value } }
    }

    private static let clitics = ["s", "d", "ll", "re", "ve", "m", "t"]

    /// `word` lower-cased and folded; non-ASCII bytes are kept and never fold.
    private static func folded(_ word: Substring) -> String {
        var word = word
        return word.withUTF8(folded)
    }

    private static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count + 1) { key in
            var count = 0
            for byte in bytes where byte != UInt8(ascii: "'") {
                key[count] = byte.asciiLowercased
                count += 1
            }
            return fold(key, count: count)
        }
    }

    /// Folds the first `count` lower-case bytes of `key` in place and returns the new count.
    private static func fold(_ key: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        let letters = key[..<count].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        guard letters >= minimumLetters else { return count }
        for i in 0..<count - 1 where key[i].isIotaLetter && key[i + 1].isIotatedVowel { key[i] = UInt8(ascii: "j") }
        var start = count
        while start > 0 && key[start - 1].isIotaLetter { start -= 1 }
        guard start > 1, (1...2).contains(count - start), key[start] != UInt8(ascii: "j") else { return count }
        let adjectival = key[start - 1] == UInt8(ascii: "k") && (key[start - 2] == UInt8(ascii: "s") || key[start - 2] == UInt8(ascii: "c"))
        guard count - start == 2 ? key[start - 1].isConsonant : adjectival else { return count }
        key[start] = UInt8(ascii: "y")
        key[start + 1] = UInt8(ascii: "j")
        return start + 2
    }
}

private extension UInt8 {
    /// y, i, j: the letters that write й and the i-sounds of я, ю, є.
    var isIotaLetter: Bool { self == UInt8(ascii: "y") || self == UInt8(ascii: "i") || self == UInt8(ascii: "j") }
    var isIotatedVowel: Bool { self == UInt8(ascii: "a") || self == UInt8(ascii: "u") || self == UInt8(ascii: "e") }
    var isConsonant: Bool {
        switch self {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"), UInt8(ascii: "j"): return false
        default: return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
        }
    }
}

private extension Unicode.Scalar {
    /// The marks transliteration writes for the soft sign and the apostrophe, and English for elision.
    var isApostrophe: Bool {
        switch value {
        case 0x27, 0x2019, 0x2BC, 0x2B9, 0x2BA: return true
        default: return false
        }
    }
}
