/// A calendar day (or, for coarse figures, a month), free of time zones and clocks.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// `nil` when only the month is known (`2024-10`).
    public let day: Int?

    public init?(year: Int, month: Int, day: Int?) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        if let day, !(1...Day.daysIn(month: month, year: year)).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly; `YYYY-MM` only when `allowMonth` is set.
    public init?(iso text: String, allowMonth: Bool = false) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 || (allowMonth && parts.count == 2),
              parts[0].count == 4, parts[1].count == 2, parts.count == 2 || parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m, day: parts.count == 3 ? Int(parts[2]) : nil)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// `2025-03-17`, or `2024-10` for a month.
    public var iso: String {
        let ym = "\(year)-\(month < 10 ? "0" : "")\(month)"
        guard let day else { return ym }
        return ym + "-\(day < 10 ? "0" : "")\(day)"
    }

    /// `17 March 2025`, or `October 2024`.
    public var display: String {
        let name = Day.monthNames[month - 1]
        return day.map { "\($0) \(name) \(year)" } ?? "\(name) \(year)"
    }

    /// Days since 0001-01-01 (month-only values count from the month's first day); used for chart scales.
    public var ordinal: Int {
        var total = 0
        let y = year - 1
        total += y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { total += Day.daysIn(month: m, year: year) }
        return total + (day ?? 1) - 1
    }

    /// `17 Mar 2025`, or `Oct 2024`.
    public var short: String {
        let name = Day.monthNames[month - 1].prefix(3)
        return day.map { "\($0) \(name) \(year)" } ?? "\(name) \(year)"
    }

    /// Orders a month before its days.
    var sortKeyValue: Int { ordinal * 2 + (day == nil ? 0 : 1) }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
