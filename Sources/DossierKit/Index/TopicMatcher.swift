/// Finds topics in text by their names and aliases, as whole words and case-insensitively:
/// "Zelenskyy's" names Zelensky, "Kyivan" does not name Kyiv.
public struct TopicMatcher: Sendable {
    /// First word of a term → (the term's words, topic slug).
    private var terms: [Substring: [([Substring], String)]] = [:]

    public init(topics: [Topic]) {
        for topic in topics {
            for term in [topic.name] + topic.aliases {
                let words = term.lowercased().words
                guard let first = words.first else { continue }
                terms[first, default: []].append((words, topic.slug))
            }
        }
    }

    /// Slugs of the topics `text` names, sorted.
    public func topics(in text: String) -> [String] {
        let words = text.lowercased().words
        var found = Set<String>()
        for index in words.indices {
            guard let candidates = terms[words[index]] else { continue }
            for (term, slug) in candidates where !found.contains(slug) {
                if words[index...].starts(with: term) { found.insert(slug) }
            }
        }
        return found.sorted()
    }
}

/// Resolves what an editor wrote in `topics:` (a name, slug or alias, any case) to a topic.
struct TopicResolver {
    private var byTerm: [String: String] = [:]
    private let names: [String]

    init(topics: [Topic]) {
        for topic in topics {
            for term in [topic.name, topic.slug] + topic.aliases { byTerm[term.lowercased()] = topic.slug }
        }
        names = topics.flatMap { [$0.name] + $0.aliases }
    }

    func resolve(_ ref: Located<String>, path: String, log: inout DiagnosticLog) -> String? {
        let key = ref.value.trimmed.lowercased()
        if let slug = byTerm[key] { return slug }
        var message = "unknown topic '\(ref.value)'"
        if let near = Suggest.closest(to: ref.value, among: names) { message += "; did you mean '\(near)'?" }
        log.error(path, line: ref.line, column: ref.column, message)
        return nil
    }
}
