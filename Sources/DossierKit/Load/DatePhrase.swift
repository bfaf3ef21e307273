/// A date the text states as the article's own: "As of March 13, 2025", "published on 2 February 2024",
/// "Updated: January 5, 2025", in any case.
enum DatePhrase {
    static let openers = ["as of", "published", "updated", "posted"]

    /// The words after the first opener in `text`, where a date may stand; `nil` when no opener is there.
    static func explicit(in text: String) -> String? {
        let lower = text.lowercased()
        for opener in openers {
            var searchFrom = lower.startIndex
            while let range = lower.range(of: opener, range: searchFrom..<lower.endIndex) {
                searchFrom = range.upperBound
                let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
                guard !before.isLetter else { continue }
                var rest = text[range.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" }
                if rest.lowercased().hasPrefix("on ") { rest = rest.dropFirst(3) }
                let words = rest.split(separator: " ", maxSplits: 4).prefix(4)
                return words.joined(separator: " ")
            }
        }
        return nil
    }
}
