/// A date as precise as its source: a day (`2024-08-12`), a month (`2024-10`) or a range of days
/// (`2024-10-01/2024-10-10`, "early October"). Charts draw a month or a range as a span, never as one day.
public struct DateSpan: Sendable, Hashable {
    /// The day, the month, or the range's first day.
    public let start: Day
    /// The range's last day; nil for a day or a month.
    public let until: Day?

    public init(_ start: Day, until: Day? = nil) {
        self.start = start
        self.until = until
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY-MM-DD/YYYY-MM-DD`; nil for anything else, or a range whose last
    /// day is not after its first.
    public init?(iso text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let day = Day(iso: text, allowMonth: true) else { return nil }
            self.init(day)
            return
        }
        guard parts.count == 2, let first = Day(iso: String(parts[0])), let last = Day(iso: String(parts[1])),
              first.ordinal < last.ordinal else { return nil }
        self.init(first, until: last)
    }

    /// The range's last day; the day or the month itself otherwise.
    public var last: Day { until ?? start }

    /// What comes before a date its source gives only roughly, as editors write it in `events.yml` and readers see it.
    static let roughPrefix = "about "

    /// Whether the date is one whole day.
    public var isDay: Bool { until == nil && start.day != nil }

    /// The first and last day it covers, as `Day.ordinal`s.
    public var ordinals: ClosedRange<Int> {
        if let until { return start.ordinal...until.ordinal }
        guard start.day == nil else { return start.ordinal...start.ordinal }
        return start.ordinal...(start.ordinal + Day.daysIn(month: start.month, year: start.year) - 1)
    }

    /// `2024-08-12`, `2024-10`, or the ISO 8601 interval `2024-10-01/2024-10-10`.
    public var iso: String { until.map { start.iso + "/" + $0.iso } ?? start.iso }

    /// A valid HTML `datetime`: the day or the month; a range's first day.
    public var datetime: String { start.iso }

    /// `12 August 2024`, `October 2024`, `1–10 October 2024`, `28 February – 3 March 2025`.
    public var display: String { text(Day.monthNames) }

    /// `12 Aug 2024`, `Oct 2024`, `1–10 Oct 2024`.
    public var short: String { text(Day.monthNames.map { String($0.prefix(3)) }) }

    private func text(_ months: [String]) -> String {
        func day(_ d: Day) -> String { d.day.map { "\($0) \(months[d.month - 1]) \(d.year)" } ?? "\(months[d.month - 1]) \(d.year)" }
        guard let until, let first = start.day, let last = until.day else { return day(start) }
        if start.year == until.year && start.month == until.month { return "\(first)–\(last) \(months[until.month - 1]) \(until.year)" }
        if start.year == until.year { return "\(first) \(months[start.month - 1]) – \(day(until))" }
        return "\(day(start)) – \(day(until))"
    }

    /// `items` by date: by first day, a month before its days, then shorter spans first; items of equal dates
    /// keep their order, so that the result never depends on how a sort breaks ties.
    static func sorted<T>(_ items: [T], by date: (T) -> DateSpan) -> [T] {
        items.enumerated().map { (date($0.element).start.sortKeyValue, date($0.element).until?.ordinal ?? 0, $0.offset) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
            .map { items[$0.2] }
    }
}
