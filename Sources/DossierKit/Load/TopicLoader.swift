import Yams

/// Reads `content/topics.yml`: a list of topics, each with `name`, optional `slug`, `aliases`, `description`.
enum TopicLoader {
    static let fields = ["name", "slug", "aliases", "description"]
    static let fileName = "topics.yml"
    /// Where the file is, as diagnostics and the file watcher name it.
    static let path = "content/" + fileName

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> [Topic] {
        let items = YAMLFields.items(of: text, path: path, shape: "topics.yml must be a list of topics ('- name: …')", log: &log)
        var topics: [Topic] = []
        var slugOwners: [String: String] = [:]
        var termOwners: [[String]: (topic: String, term: String)] = [:]
        for fields in items {
            fields.warnUnknown(known: Self.fields, log: &log)
            guard let name = fields.string("name", required: true, log: &log) else { continue }
            let slug = fields.string("slug", log: &log) ?? Located(value: Slug.make(name.value), line: name.line, column: name.column)
            if let problem = Slug.problem(with: slug.value) ?? (slug.value != Slug.make(slug.value) ? "must be lower-case letters, digits and hyphens (try '\(Slug.make(slug.value))')" : nil) {
                log.error(path, line: slug.line, column: slug.column, "topic slug '\(slug.value)' \(problem)")
                continue
            }
            if let owner = slugOwners[slug.value] {
                log.error(path, line: slug.line, column: slug.column, "topic '\(name.value)' has the slug '\(slug.value)' of topic '\(owner)'")
                continue
            }
            slugOwners[slug.value] = name.value
            let aliases = fields.stringList("aliases", log: &log)
            // Terms are matched by their folded keys, so two spellings of one name are one term.
            for (term, role) in [(name, "topic name")] + aliases.map({ ($0, "alias") }) {
                // Terms find articles by their words: a blank one, or one letter ("a"), would match every article.
                if let problem = Self.termProblem(term.value) {
                    log.error(path, line: term.line, column: term.column, "\(role) '\(term.value)' \(problem)")
                    continue
                }
                let keys = NameFolding.keys(of: term.value)
                if let owner = termOwners[keys], owner.topic != name.value {
                    let spelling = owner.term.lowercased() == term.value.lowercased() ? "" : " (as '\(owner.term)')"
                    log.error(path, line: term.line, column: term.column, "'\(term.value)' already names topic '\(owner.topic)'\(spelling)")
                }
                termOwners[keys] = (name.value, term.value)
            }
            topics.append(Topic(name: name.value, slug: slug.value, aliases: aliases.map(\.value),
                                description: fields.string("description", log: &log)?.value))
        }
        return topics
    }

    /// Why `term` cannot name a topic in the text, or `nil` when it can.
    static func termProblem(_ term: String) -> String? {
        let letters = term.unicodeScalars.filter(\.isWordScalar).count
        if letters == 0 { return "is blank: a name or alias needs at least two letters or digits" }
        if letters < 2 { return "is too short: a name or alias needs at least two letters or digits, or it would match almost every article" }
        return nil
    }
}
