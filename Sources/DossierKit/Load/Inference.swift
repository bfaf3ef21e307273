import Foundation

/// What an article says about itself: headline, date and outlet.
enum Inference {
    /// A leading ` date 2025-03-17` marker, as some scrapers write it, and the text after it.
    static func leadingDateMarker(_ line: String) -> (Day, String)? {
        guard line.lowercased().hasPrefix("date ") else { return nil }
        let rest = line.dropFirst(5).drop { $0 == " " }
        let candidate = String(rest.prefix(10))
        guard let day = Day(iso: candidate) else { return nil }
        return (day, String(rest.dropFirst(10)).trimmingCharacters(in: .whitespaces))
    }

    // Regex literals are compiled each time they are evaluated: the patterns used per line are kept here.
    nonisolated(unsafe) static let datelinePattern =
        #/(?<outlet>.*?)[\s·|,-]*(\d+|an?|one)\s+(second|minute|hour|day|week|month)s?\s+ago/#

    /// `Telegraph19 hours ago`, `Reuters · 3 days ago`: the outlet, written before a relative time.
    static func outletDateline(_ line: String) -> String? {
        guard line.wordCount <= 8, line.hasSuffix(" ago") else { return nil }
        guard let match = line.wholeMatch(of: datelinePattern) else { return nil }
        let outlet = String(match.outlet).trimmingCharacters(in: .whitespaces)
        guard let first = outlet.first, first.isUppercase else { return "" }
        return outlet
    }

    /// A bold line near the top, or the first line when the page repeats it (a headline shown twice).
    static func headline(in lines: [String]) -> String? {
        let top = lines.prefix(6)
        if let bold = top.first(where: { ($0.hasPrefix("**") && $0.hasSuffix("**")) || ($0.hasPrefix("__") && $0.hasSuffix("__")) }),
           bold.count > 4 {
            return Boilerplate.unbolded(bold)
        }
        // Headlines are short and do not end with a full stop; a repeated first sentence is just a repeat.
        guard let first = lines.first, first.wordCount <= 25, !first.hasSuffix(".") else { return nil }
        let key = Boilerplate.key(first)
        return lines.dropFirst().prefix(12).contains { Boilerplate.key($0) == key } ? first : nil
    }

    /// An explicit date in the text: "As of March 13, 2025", "Published 13 March 2025".
    nonisolated(unsafe) static let monthFirst = try? Regex(
        "\\b(?:As of|Published|Updated|Posted)(?: on)?:? (\(Day.monthNames.joined(separator: "|"))) (\\d{1,2}),? (\\d{4})\\b")
    nonisolated(unsafe) static let dayFirst = try? Regex(
        "\\b(?:As of|Published|Updated|Posted)(?: on)?:? (\\d{1,2}) (\(Day.monthNames.joined(separator: "|"))),? (\\d{4})\\b")

    static func explicitDate(in paragraphs: ArraySlice<String>) -> Day? {
        guard let monthFirst, let dayFirst else { return nil }
        for paragraph in paragraphs where ["As of", "Published", "Updated", "Posted"].contains(where: paragraph.containsBytes) {
            if let m = paragraph.firstMatch(of: monthFirst), let day = day(m.output, month: 1, day: 2, year: 3) {
                return day
            }
            if let m = paragraph.firstMatch(of: dayFirst), let day = day(m.output, month: 2, day: 1, year: 3) {
                return day
            }
        }
        return nil
    }

    private static func day(_ output: AnyRegexOutput, month: Int, day: Int, year: Int) -> Day? {
        guard let name = output[month].substring, let d = output[day].substring.flatMap({ Int($0) }),
              let y = output[year].substring.flatMap({ Int($0) }),
              let m = Day.monthNames.firstIndex(of: String(name))
        else { return nil }
        return Day(year: y, month: m + 1, day: d)
    }
}
