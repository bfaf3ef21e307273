/// Checks across the templates of a site what no single template shows: partials and parent templates that do
/// not exist, templates that include themselves (directly or through others), nesting too deep to render, and
/// names that no page provides.
struct TemplateCheck {
    struct Template {
        var name: String
        var path: String
        var scan: TemplateScan
        var text: String
    }

    let templates: [String: Template]

    /// Every problem, in a fixed order: missing and recursive partials and nesting are errors, and so is
    /// writing unescaped (`{{{…}}}`) a value that is not HTML the build made; unknown names are warnings, since
    /// they render as nothing. `schemas`: the names each page kind's template receives; any other template
    /// (the layout, partials) is checked against `shared`, every name some page has.
    func diagnostics(schemas: [String: TemplateSchema], shared: TemplateSchema) -> [Diagnostic] {
        var log = DiagnosticLog()
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            let schema = schemas[template.name] ?? shared
            let knownNames = schema.names
            var warned = Set<String>()
            for tag in template.scan.tags {
                switch tag.kind {
                case .partial, .parent:
                    guard templates[tag.name] == nil else { continue }
                    log.error(template.path, line: tag.line, column: tag.column,
                              "\(tag.kind == .partial ? "partial" : "parent template") '\(tag.name)' does not exist (no templates/\(tag.name).mustache)")
                case .variable where tag.unescaped && Self.unknownName(in: tag.name, known: knownNames) == nil
                                        && !schema.html.contains(Self.lastName(tag.name)):
                    log.error(template.path, line: tag.line, column: tag.column,
                              "'\(tag.name)' is written unescaped, but it is text, not HTML the build made; write {{\(tag.name)}}"
                                + (schema.html.isEmpty ? "" : " (unescaped values: \(schema.html.sorted().joined(separator: ", ")))"))
                case .variable, .section, .invertedSection:
                    // Each unknown name once per template, where it is first used.
                    if let unknown = Self.unknownName(in: tag.name, known: knownNames), warned.insert(unknown).inserted {
                        var message = schemas[template.name] == nil
                            ? "'\(unknown)' is not a value any page provides; it renders as nothing"
                            : "'\(unknown)' is not a value this page provides; it renders as nothing"
                        if unknown.count <= 64, let near = Suggest.closest(to: unknown, among: knownNames.sorted()) {
                            message += "; did you mean '\(near)'?"
                        }
                        log.warning(template.path, line: tag.line, column: tag.column, message)
                    }
                default: break
                }
            }
        }
        var depths: [String: Int] = [:]
        var via: [String: String] = [:]
        var reported = Set<String>()
        for name in templates.keys.sorted() {
            var chain: [String] = []
            _ = depth(of: name, chain: &chain, depths: &depths, via: &via, reported: &reported, log: &log)
        }
        return log.items
    }

    /// The deepest nesting of sections and partials that rendering `name` reaches, or `nil` past a cycle or the
    /// limit (reported once, at the tag that closes the cycle or crosses the limit). `via` records, for each
    /// template, the partial its deepest nesting goes through.
    private func depth(of name: String, chain: inout [String], depths: inout [String: Int], via: inout [String: String],
                       reported: inout Set<String>, log: inout DiagnosticLog) -> Int? {
        // -1 marks a template being explored, or one that leads into a cycle or past the limit: reported once,
        // never explored again.
        if let known = depths[name] { return known < 0 ? nil : known }
        guard let template = templates[name] else { return 0 }
        chain.append(name)
        defer { chain.removeLast() }
        depths[name] = -1
        var deepest = template.scan.depth
        for tag in template.scan.tags where tag.kind == .partial || tag.kind == .parent {
            guard templates[tag.name] != nil else { continue }
            if let start = chain.firstIndex(of: tag.name) {
                let cycle = chain[start...] + [tag.name]
                if reported.insert(cycle.dropLast().sorted().joined(separator: "\u{0}")).inserted {
                    log.error(template.path, line: tag.line, column: tag.column,
                              "'\(tag.name)' includes itself (\(Self.route(cycle))); a template cannot include itself, directly or through others")
                }
                return nil
            }
            guard let inner = depth(of: tag.name, chain: &chain, depths: &depths, via: &via, reported: &reported, log: &log)
            else { return nil }
            if tag.depth + 1 + inner > deepest {
                deepest = tag.depth + 1 + inner
                via[name] = tag.name
            }
            if deepest > TemplateScan.maxDepth {
                var path = [name]
                while let next = via[path.last!], !path.contains(next) { path.append(next) }
                log.error(template.path, line: tag.line, column: tag.column,
                          "sections and partials nest \(deepest) deep (\(Self.route(path))); the limit is \(TemplateScan.maxDepth)")
                return nil
            }
        }
        depths[name] = deepest
        return deepest
    }

    private static func route<S: Sequence<String>>(_ names: S) -> String {
        names.map { "templates/\($0).mustache" }.joined(separator: " → ")
    }

    /// `display` of `date.display`.
    static func lastName(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }

    /// The first part of a dotted name (`date.display`), or the argument of a transform (`uppercased(name)`),
    /// that is not in `known`.
    static func unknownName(in name: String, known: Set<String>) -> String? {
        var name = Substring(name)
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = name[name.index(after: open)..<close]
        }
        for part in name.split(separator: ".") where !known.contains(String(part)) { return String(part) }
        return nil
    }
}
