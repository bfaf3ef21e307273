/// The words the unsourced-figure check knows, in one place so that a new unit or abbreviation is one line.
enum FigureWords {
    /// What makes a number a figure a reader would want sourced. Several words are written with single spaces and
    /// matched across any white space; letters match in any case.
    static let units: [[Unicode.Scalar]] = [
        "km²", "km2", "sq km", "square kilometres", "square kilometers", "km", "kilometres", "kilometers",
        "miles", "sq mi", "square miles",
        "troops", "soldiers", "servicemen", "casualties", "killed", "wounded", "prisoners",
        "settlements", "villages", "people", "civilians",
        "%", "per cent", "percent",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count } // longest first: "km²" before "km"

    /// `units` by their first scalar, so that most words are ruled out by one look-up.
    static let unitsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(grouping: units) { $0[0] }

    /// Words after which a full stop does not end a sentence, written with their full stops.
    static let abbreviations: Set<String> = [
        "Gen.", "Col.", "Lt.", "Mr.", "Mrs.", "Dr.", "St.", "No.", "U.S.", "U.K.", "e.g.", "i.e.", "vs.",
        // Months, as dates write them ("Aug. 12").
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]
    /// The longest of them, in scalars: how far back a full stop's word is read.
    static let longestAbbreviation = abbreviations.map { $0.unicodeScalars.count }.max() ?? 0

    /// Month names and their abbreviations, capitalised as in a date ("6 August 2024", "Aug 12"): a small number
    /// beside one is part of a date, not a figure. Lower-case "may" and "march" are verbs.
    static let months = Set(AreaWords.months.map { $0.prefix(1).uppercased() + $0.dropFirst() })
    static let longestMonth = months.map(\.count).max() ?? 0

    /// The marker that exempts a sentence or table row, as the text of an HTML comment.
    static let marker = "unsourced-ok"
}
