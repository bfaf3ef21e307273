/// How old a figure is, counted to the day the dossier speaks as of (its newest content), never to the day of the
/// build, so that the same content gives the same page.
enum FigureAge {
    /// "the dossier's latest date", "12 days before 13 August 2025", "about 6 months before 13 August 2025".
    static func text(of date: DateSpan, asOf: Day) -> String {
        let days = asOf.ordinal - date.ordinals.upperBound
        guard days > 0 else { return "as of the dossier's latest date" }
        let months = Int((Double(days) / 30.44).rounded())
        let amount = days < 60 ? "\(days) day\(days == 1 ? "" : "s")" : "about \(months) months"
        return "\(amount) before \(asOf.display)"
    }
}
