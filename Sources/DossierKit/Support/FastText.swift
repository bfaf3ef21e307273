/// Text helpers for the hot paths of a build: ASCII is handled byte by byte, and only other characters ask
/// Unicode for their properties. Foundation's versions of these are many times slower.
extension String {
    /// Whether `needle` occurs in the text, comparing UTF-8 bytes.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first, n.count <= h.count else { return n.isEmpty }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The text without leading and trailing white space (including no-break and zero-width spaces).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isSpaceLike }) ?? start
        return String(scalars[start...end])
    }

    /// Runs of letters and digits, as the words of the text.
    var words: [Substring] { words(limit: .max) }

    /// The first `limit` words, reading no further than the last of them.
    func words(limit: Int) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = startIndex
        for scalar in unicodeScalars {
            guard result.count < limit else { return result }
            let next = unicodeScalars.index(after: index)
            if scalar.isWordScalar {
                if start == nil { start = index }
            } else if let s = start {
                result.append(self[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start, result.count < limit { result.append(self[s..<endIndex]) }
        return result
    }
}

extension UInt8 {
    /// The byte with ASCII capitals made small; every other byte as it is.
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}

extension Unicode.Scalar {
    /// The scalar with ASCII capitals made small; every other scalar as it is.
    var asciiLowercased: Unicode.Scalar { ("A"..."Z").contains(self) ? Unicode.Scalar(value | 0x20)! : self }

    /// `properties.isAlphabetic`, `isWhitespace` and `isUppercase`, with ASCII answered without asking Unicode.
    var isAlphabeticScalar: Bool { value < 0x80 ? UInt8(value).isASCIILetter : properties.isAlphabetic }
    var isWhitespaceScalar: Bool { value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }
    var isUppercaseScalar: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }

    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        case 0xA0, 0x200B, 0xFEFF: return true
        default: return properties.isWhitespace
        }
    }

    /// A letter, digit or combining mark: part of a word.
    var isWordScalar: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        }
    }
}
