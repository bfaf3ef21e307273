import Foundation

/// Finds statements of area in article text: "almost 1,300 square kilometers", "1000 km²", "a 200-square-kilometre
/// pocket", "about 30 sq mi", "a thousand square kilometres". Only units of area count, so lengths ("1,000
/// kilometres (680 miles)", "a 40-kilometer front", "six miles behind the front line") yield nothing.
public enum AreaExtractor {
    public struct Match: Sendable, Equatable {
        /// In square kilometres; square miles are converted.
        public var areaKm2: Double
        /// The number and unit as written.
        public var text: String
        public var sentence: String
    }

    public static let squareMileInKm2 = 2.589988

    /// Every area statement in `paragraph`, in order.
    public static func areas(in paragraph: String) -> [Match] {
        // Every area unit contains "sq", "km²" or "km2"; most paragraphs have none and skip the regex.
        let lower = paragraph.lowercased()
        guard lower.containsBytes("sq") || lower.containsBytes("km²") || lower.containsBytes("km2") else { return [] }
        var found: [Match] = []
        for sentence in sentences(paragraph) {
            for match in sentence.matches(of: pattern) {
                let number = String(match.output.number)
                guard let value = parseNumber(number) else { continue }
                let miles = match.output.unit.lowercased().contains("mi")
                found.append(Match(areaKm2: miles ? value * squareMileInKm2 : value,
                                   text: String(match.output.0).trimmingCharacters(in: .whitespaces),
                                   sentence: sentence))
            }
        }
        return found
    }

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scaleWords: [String: Int] = ["hundred": 100, "thousand": 1000]

    nonisolated(unsafe) static let pattern = #/(?i)\b(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[\s-]+)*(?:hundred|thousand))(?:\s*-\s*|\s+|(?=[k]))(?<unit>square[\s-]+kilomet(?:er|re)s?|square[\s-]+km|sq\.?[\s-]*km|km²|km2|square[\s-]+miles?|sq\.?[\s-]*mi(?:les?)?\.?)(?!\w)/#

    /// "1,300" → 1300, "1.5" → 1.5, "a thousand" → 1000, "two hundred and fifty" → … only scale phrases are
    /// matched as words, so "twelve hundred" and "one thousand three hundred" work too.
    static func parseNumber(_ text: String) -> Double? {
        if let value = Double(text.replacingOccurrences(of: ",", with: "")) { return value }
        var total = 0
        var current = 0
        for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0.isWhitespace }) {
            if let n = numberWords[String(word)] {
                current += n
            } else if let scale = scaleWords[String(word)] {
                current = max(current, 1) * scale
                if scale >= 1000 { total += current; current = 0 }
            } else if word != "and" {
                return nil
            }
        }
        let value = total + current
        return value > 0 ? Double(value) : nil
    }

    /// Splits a paragraph at sentence ends (". ", "? ", "! " before a capital or quote), keeping abbreviations
    /// like "Gen. Syrskyi" and numbers like "1.5" together.
    static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(paragraph)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if ".?!".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ",
               chars[i + 2].isUppercase || "\"“‘'".contains(chars[i + 2]),
               !isAbbreviation(current) {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            i += 1
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { result.append(last) }
        return result
    }

    static let abbreviations: Set<String> = ["gen.", "mr.", "mrs.", "ms.", "dr.", "lt.", "col.", "st.", "u.s.", "u.k.", "sq.", "approx.", "no."]

    static func isAbbreviation(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        return abbreviations.contains(last.lowercased())
    }
}
