import Foundation

/// `dossier inspect`'s two forms: text for a person, one JSON object for tools.
extension Inspection {
    /// One JSON object with every key present (`null` where there is no value), keys in a fixed order.
    public var json: String {
        var fields: [(String, JSONValue)] = [
            ("path", .string(path)), ("kind", .string(kind.rawValue)),
            ("title", .optional(title)), ("date", .optional(date?.iso)), ("date_source", .optional(dateSource?.rawValue)),
            ("outlet", .optional(outlet)), ("url", .optional(url)), ("accessed", .optional(provenance.accessed?.iso)),
            ("provenance", .object([("outlet", Self.json(provenance.outlet)), ("url", Self.json(provenance.url)),
                                    ("date", Self.json(provenance.date))])),
            ("summary", .optional(summary)),
            ("paragraphs", .array(paragraphs.map(JSONValue.string))),
            ("dropped", .array(dropped.map { .object([("line", .string($0.text)), ("number", .number(Double($0.line))),
                                                      ("rule", .string($0.rule.rawValue))]) })),
            ("evidence", .array(evidence.map { .object([("field", .string($0.field)), ("line", .number(Double($0.line))),
                                                        ("text", .string($0.text))]) })),
            ("figures", .array(figures.map { figure in
                let first = figure.quotes.first
                return .object([("km2", .number(figure.km2)), ("kind", .string(figure.kind)),
                                ("claimant", .optional(figure.claimant)), ("quote", .optional(first?.sentence)),
                                ("paragraph", first.map { .number(Double($0.paragraph)) } ?? .null),
                                ("quotes", .array(figure.quotes.map { .object([("paragraph", .number(Double($0.paragraph))),
                                                                               ("text", .string($0.text)),
                                                                               ("sentence", .string($0.sentence))]) }))])
            })),
            ("topics", .array(topics.map { .string($0.name) })),
            ("topic_matches", .array(topics.map { .object([("topic", .string($0.name)), ("alias", .string($0.term)),
                                                          ("found", .string($0.found))]) })),
        ]
        fields.append(("warnings", .array(diagnostics.filter { $0.severity == .warning }.map { .string($0.description) })))
        fields.append(("errors", .array(diagnostics.filter { $0.severity == .error }.map { .string($0.description) })))
        return JSONValue.object(fields).text + "\n"
    }

    /// A report for a person: each field with where it came from, then paragraphs, dropped lines, figures.
    public var text: String {
        var out = "\(path): \(kind.rawValue)\n"
        func field(_ name: String, _ value: String?, evidence key: String? = nil, found: String? = nil) {
            var line = name.padding(toLength: 9, withPad: " ", startingAt: 0) + (value ?? "— (not found)")
            if let found { line += "  [\(found)]" }
            if let key, let found = evidence.first(where: { $0.field == key }) {
                line += "  ← line \(found.line): \(Self.shortened(found.text))"
            }
            out += line + "\n"
        }
        field("title", title, evidence: "title")
        if kind == .note {
            field("date", date?.iso)
        } else {
            field("date", date?.iso, evidence: dateSource == .text ? "date" : nil, found: provenance.date.map(Self.place))
            field("outlet", outlet, evidence: provenance.outlet?.kind == .text ? "outlet" : nil,
                  found: provenance.outlet.map(Self.place))
            field("url", url, found: provenance.url.map(Self.place))
            field("accessed", provenance.accessed?.iso, found: provenance.accessed.map { _ in "front matter" })
        }
        if !topics.isEmpty {
            out += "topics   " + topics.map { $0.found == $0.term ? $0.name : "\($0.name) ('\($0.found)' as '\($0.term)')" }
                .joined(separator: ", ") + "\n"
        }
        if kind == .article {
            out += "\nparagraphs (\(paragraphs.count))\n"
            for (i, paragraph) in paragraphs.enumerated() { out += "  p\(i + 1)  \(Self.shortened(paragraph, 100))\n" }
            out += "\ndropped (\(dropped.count))\n"
            for line in dropped {
                out += "  line \(line.line)  \(line.rule.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(Self.shortened(line.text, 80))\n"
            }
            out += "\nfigures (\(figures.count))\n"
            for figure in figures {
                let claimant = figure.claimant.map { ", claimed by \($0)" } ?? ""
                out += "  \(NumberText.format(figure.km2)) km²  \(figure.kind)\(claimant)\n"
                for quote in figure.quotes { out += "    p\(quote.paragraph): \(Self.shortened(quote.sentence, 100))\n" }
            }
        }
        if !diagnostics.isEmpty {
            out += "\n" + diagnostics.map(\.description).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// `text, p2, line 5`, `front matter, line 3`, `file name`: where a field was found, briefly.
    static func place(_ found: FoundIn) -> String {
        switch found {
        case .text(let line, let paragraph): return "text, " + (paragraph.map { "p\($0), " } ?? "") + "line \(line)"
        case .fileName: return "file name"
        case .frontMatter(let line): return "front matter, line \(line)"
        }
    }

    /// `{"found_in": "text", "line": 5, "paragraph": 2}`, or `null` for a field not found.
    static func json(_ found: FoundIn?) -> JSONValue {
        guard let found else { return .null }
        let (line, paragraph): (Int?, Int?)
        switch found {
        case .text(let l, let p): (line, paragraph) = (l, p)
        case .fileName: (line, paragraph) = (nil, nil)
        case .frontMatter(let l): (line, paragraph) = (l, nil)
        }
        return .object([("found_in", .string(found.kind.rawValue)), ("line", line.map { .number(Double($0)) } ?? .null),
                        ("paragraph", paragraph.map { .number(Double($0)) } ?? .null)])
    }

    static func shortened(_ text: String, _ limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// A JSON value written by hand, so that key order and `null`s are exactly as the format says.
indirect enum JSONValue {
    case string(String), number(Double), array([JSONValue]), object([(String, JSONValue)]), null

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    var text: String {
        switch self {
        case .null: return "null"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): return Self.quoted(s)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.map { Self.quoted($0.0) + ": " + $0.1.text }.joined(separator: ", ") + "}"
        }
    }

    /// One JSON string escaper for every file and report the tool writes.
    static func quoted(_ s: String) -> String { TerritoryData.quote(s) }
}
