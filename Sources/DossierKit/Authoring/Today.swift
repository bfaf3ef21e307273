import Foundation

extension Day {
    /// The calendar day `instant` falls on in `timeZone`: what "today" means to an editor there. The command
    /// passes the clock's time and the local zone; tests pass fixed ones. `nil` for an instant outside years 1–9999.
    public init?(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.era, .year, .month, .day], from: instant)
        guard parts.era == 1, let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
