/// One dated event of the dossier, from `content/events.yml`, with who says so and where.
public struct TimelineEvent: Sendable, Hashable {
    public var date: DateSpan
    /// Written `about 2025-02-15`: the source gives the date only roughly ("mid-February").
    public var approximate = false
    /// What happened, in one sentence.
    public var text: String
    /// Who says so, when the event is someone's claim.
    public var by: String?
    /// Where it is reported: one source, or one for each part of a range ("paused … resumed").
    public var sources: [CitedSource]
    /// A short label: the event is drawn on the territory chart, as a band for a range of days.
    public var chartLabel: String?
    /// The topics as written (names, slugs or aliases of `content/topics.yml`), checked when the site is indexed.
    public var topicRefs: [Located<String>] = []
    /// The topics' slugs, once resolved.
    public var topics: [String] = []
    public var line: Int

    /// "15 March 2025", or "about 15 February 2025" when the date is rough.
    public var dateText: String { (approximate ? DateSpan.roughPrefix : "") + date.display }
}

/// Reads `content/events.yml`: a list of events, each with `date` (a day, a month or `first/last` days, any of them
/// after `about ` when the source gives it only roughly), `event`,
/// `source` (a report's address or an article id with `#pN`, or a list of them), and optionally `by` and `chart`
/// (a short label) and `topics` (a list, checked against `content/topics.yml` like a note's).
enum EventLoader {
    static let fields = ["date", "event", "by", "source", "chart", "topics"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> [TimelineEvent] {
        let items = YAMLFields.items(of: text, path: path, shape: "events.yml must be a list of events ('- date: …')", log: &log)
        var events: [TimelineEvent] = []
        for fields in items {
            fields.warnUnknown(known: Self.fields, log: &log)
            let date = fields.string("date", required: true, log: &log)
            let text = fields.string("event", required: true, log: &log)
            let sourceTexts: [Located<String>]
            if case .sequence? = fields.node("source") {
                sourceTexts = fields.stringList("source", log: &log)
            } else {
                sourceTexts = fields.string("source", required: true, log: &log).map { [$0] } ?? []
            }
            let by = fields.string("by", log: &log)
            let chart = fields.string("chart", log: &log)
            let topicRefs = fields.stringList("topics", log: &log)
            guard let date, let text, !sourceTexts.isEmpty else { continue }
            let approximate = date.value.hasPrefix(DateSpan.roughPrefix)
            guard let span = DateSpan(iso: approximate ? String(date.value.dropFirst(DateSpan.roughPrefix.count)) : date.value) else {
                log.error(path, line: date.line, column: date.column, "'\(date.value)' is not a date: write 2025-03-13 "
                    + "for a day, 2024-10 for a month, or 2025-03-03/2025-03-11 for a range of days, after 'about ' "
                    + "when the source gives it only roughly")
                continue
            }
            var sources: [CitedSource] = []
            for source in sourceTexts {
                switch CitedSource.parse(source.value) {
                case .success(let reference): sources.append(reference)
                case .failure(let problem): log.error(path, line: source.line, column: source.column, "field 'source': \(problem.text)")
                }
            }
            guard sources.count == sourceTexts.count else { continue }
            events.append(TimelineEvent(date: span, approximate: approximate, text: text.value, by: by?.value, sources: sources,
                                        chartLabel: chart?.value, topicRefs: topicRefs, line: date.line))
        }
        return DateSpan.sorted(events, by: \.date)
    }
}
