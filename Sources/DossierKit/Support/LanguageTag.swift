/// BCP 47 language tags (`en`, `uk`, `en-GB`, `zh-Hant`, `es-419`, `sr-Latn-RS`, `de-CH-1996`), checked against
/// RFC 5646's syntax: whether a subtag is registered is not known here.
enum LanguageTag {
    /// Whether `tag` is well-formed: language, then optional extended language, script, region, variants,
    /// extensions and private use, each subtag of the right length and kind; letters in any case.
    static func isWellFormed(_ tag: String) -> Bool {
        guard tag.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(isAlphanumeric) }) else { return false }
        var i = 0
        func next(_ rule: ([UInt8]) -> Bool) -> Bool {
            guard i < subtags.count, rule(subtags[i]) else { return false }
            i += 1
            return true
        }
        let isPrivateUse: ([UInt8]) -> Bool = { $0 == [UInt8(ascii: "x")] || $0 == [UInt8(ascii: "X")] }
        if !isPrivateUse(subtags[0]) {
            // language = 2*3ALPHA ["-" extlang]; extlang = 3ALPHA *2("-" 3ALPHA). The grammar's 4ALPHA and
            // 5*8ALPHA languages are left out: none is registered, and they would let `english` through.
            guard next({ (2...3).contains($0.count) && $0.allSatisfy(\.isASCIILetter) }) else { return false }
            var extlangs = 0
            while extlangs < 3, next({ $0.count == 3 && $0.allSatisfy(\.isASCIILetter) }) { extlangs += 1 }
            _ = next { $0.count == 4 && $0.allSatisfy(\.isASCIILetter) }                                        // script
            _ = next { ($0.count == 2 && $0.allSatisfy(\.isASCIILetter)) || ($0.count == 3 && $0.allSatisfy(isDigit)) } // region
            while next({ $0.count >= 5 || ($0.count == 4 && isDigit($0[0])) }) {}                      // variants
            while next({ $0.count == 1 && !isPrivateUse($0) }) {                                        // extensions
                guard next({ $0.count >= 2 }) else { return false }
                while next({ $0.count >= 2 }) {}
            }
            if i == subtags.count { return true }
        }
        // privateuse = "x" 1*("-" (1*8alphanum))
        guard next(isPrivateUse), i < subtags.count else { return false }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { b.isASCIILetter || isDigit(b) }
}
