import Yams

/// Reads `site.yml` into a `SiteConfig`: every problem at its line and column, the defaults for what is missing or
/// wrong. Only the shape is checked here; whether a section or part named in it exists is for the build.
public enum SiteConfigLoader {
    static let fields = ["title", "description", "language", "base_url", "nav", "parts", "territory", "summary"]
    static let navFields = ["section", "label"]
    static let keyPointFields = ["point", "note"]
    static let territoryFields = ["focus", "chart_title", "chart_summary", "axis_label", "join_within_days"]

    /// The configuration written in `text`; problems go to `log`, and a field with a problem keeps its default.
    public static func load(_ text: String, path: String = SiteConfig.path, log: inout DiagnosticLog) -> SiteConfig {
        var config = SiteConfig.standard
        guard let root = YAMLDocument.root(of: text, path: path, log: &log) else { return config }
        if let root, root.mapping == nil {
            log.error(path, line: root.mark?.line ?? 1, column: root.mark?.column,
                      "site.yml must be a mapping of fields ('title: …'), found \(root.kindName)")
            return config
        }
        guard let fields = try? YAMLFields(node: root, path: path, lineOffset: 0) else { return config }
        fields.warnUnknown(known: Self.fields, listing: true, log: &log)
        if let title = fields.string("title", required: true, log: &log) { config.title = title.value }
        config.description = fields.string("description", log: &log)?.value
        if let language = fields.string("language", log: &log) {
            if LanguageTag.isWellFormed(language.value) {
                config.language = language.value
            } else {
                log.error(path, line: language.line, column: language.column,
                          "language '\(language.value)' is not a BCP 47 language tag, such as en, uk, en-GB or zh-Hant")
            }
        }
        if let url = fields.string("base_url", log: &log) {
            if let problem = BaseURL.problem(with: url.value) {
                log.error(path, line: url.line, column: url.column, "base_url '\(url.value)' \(problem)")
            } else {
                config.baseURL = BaseURL.normalized(url.value)
            }
        }
        config.nav = nav(in: fields, log: &log)
        config.parts = parts(in: fields, log: &log)
        if let territory = fields.fields("territory", log: &log) {
            config.territory = wording(territory, log: &log)
        }
        config.summary = keyPoints(in: fields, log: &log)
        return config
    }

    /// `nav:` as entries, each a section name (`- notes`) or a mapping (`- {section: notes, label: All notes}`).
    private static func nav(in fields: YAMLFields, log: inout DiagnosticLog) -> [NavEntry]? {
        guard let node = fields.node("nav") else { return nil }
        guard case let .sequence(items) = node else {
            let (l, c) = fields.position(node)
            log.error(fields.path, line: l, column: c,
                      "field 'nav' must be a list of sections ('- notes' or '- {section: notes, label: …}'), found \(node.kindName)")
            return nil
        }
        var entries: [NavEntry] = []
        var lineOfSection: [String: Int] = [:]
        for item in items {
            let (l, c) = fields.position(item)
            let entry: NavEntry
            switch item {
            case let .scalar(scalar) where !scalar.isNull && !scalar.string.trimmed.isEmpty:
                entry = NavEntry(section: scalar.string.trimmed, line: l, column: c)
            case .mapping:
                guard let map = try? YAMLFields(node: item, path: fields.path, lineOffset: fields.lineOffset) else { continue }
                map.warnUnknown(known: navFields, listing: true, log: &log)
                let label = map.string("label", log: &log)
                guard let section = map.string("section", required: true, log: &log) else { continue }
                entry = NavEntry(section: section.value, label: label?.value, line: section.line, column: section.column)
            default:
                log.error(fields.path, line: l, column: c,
                          "each item of 'nav' must be a section name or a mapping {section: …, label: …}, found \(item.kindName)")
                continue
            }
            if let first = lineOfSection[entry.section] {
                log.error(fields.path, line: entry.line, column: entry.column,
                          "section '\(entry.section)' is already in the navigation, on line \(first)")
                continue
            }
            lineOfSection[entry.section] = entry.line
            entries.append(entry)
        }
        return entries
    }

    /// `summary:` as key points, each a sentence (`- Kyiv said …`) or a mapping that names the note it is drawn
    /// from (`- {point: Kyiv said …, note: victory-claims}`).
    private static func keyPoints(in fields: YAMLFields, log: inout DiagnosticLog) -> [KeyPoint] {
        guard let node = fields.node("summary") else { return [] }
        guard case let .sequence(items) = node else {
            let (l, c) = fields.position(node)
            log.error(fields.path, line: l, column: c,
                      "field 'summary' must be a list of key points ('- …' or '- {point: …, note: slug}'), found \(node.kindName)")
            return []
        }
        var points: [KeyPoint] = []
        for item in items {
            let (l, c) = fields.position(item)
            switch item {
            case let .scalar(scalar) where !scalar.isNull && !scalar.string.trimmed.isEmpty:
                points.append(KeyPoint(text: scalar.string.trimmed))
            case .mapping:
                guard let map = try? YAMLFields(node: item, path: fields.path, lineOffset: fields.lineOffset) else { continue }
                map.warnUnknown(known: keyPointFields, listing: true, log: &log)
                let note = map.string("note", log: &log)
                guard let text = map.string("point", required: true, log: &log) else { continue }
                points.append(KeyPoint(text: text.value, note: note))
            default:
                log.error(fields.path, line: l, column: c,
                          "each item of 'summary' must be a sentence or a mapping {point: …, note: …}, found \(item.kindName)")
            }
        }
        return points
    }

    /// `parts:` as switches, each at the place of its name.
    private static func parts(in fields: YAMLFields, log: inout DiagnosticLog) -> [String: Located<Bool>] {
        guard let parts = fields.fields("parts", log: &log) else { return [:] }
        var switches: [String: Located<Bool>] = [:]
        for name in parts.keys {
            let (l, c) = parts.position(ofKey: name)
            guard let node = parts.node(name) else { continue }
            if name.trimmed.isEmpty {
                log.error(parts.path, line: l, column: c, "a part needs a name")
            } else if let on = node.bool {
                switches[name] = Located(value: on, line: l, column: c)
            } else {
                let (vl, vc) = parts.position(node)
                log.error(parts.path, line: vl, column: vc, "part '\(name)' must be true or false, found \(node.kindName)")
            }
        }
        return switches
    }

    /// `territory:`, each field in place of its default.
    private static func wording(_ fields: YAMLFields, log: inout DiagnosticLog) -> TerritoryWording {
        fields.warnUnknown(known: territoryFields, listing: true, log: &log)
        var wording = TerritoryWording.standard
        if fields.has("focus") {
            var names: [String] = []
            for name in fields.stringList("focus", log: &log) {
                if name.value.isEmpty {
                    log.error(fields.path, line: name.line, column: name.column, "each item of 'focus' must be a name, found nothing")
                } else {
                    names.append(name.value)
                }
            }
            wording.focus = names
        }
        if let title = fields.string("chart_title", log: &log) { wording.chartTitle = title.value }
        if let summary = fields.string("chart_summary", log: &log) { wording.chartSummary = summary.value }
        if let label = fields.string("axis_label", log: &log) { wording.axisLabel = label.value }
        if let days = fields.string("join_within_days", log: &log) {
            if let value = Int(days.value), (1...3660).contains(value) { wording.joinWithinDays = value } else {
                log.error(fields.path, line: days.line, column: days.column,
                          "'join_within_days' must be a whole number of days from 1 to 3660, found '\(days.value)'")
            }
        }
        return wording
    }
}
