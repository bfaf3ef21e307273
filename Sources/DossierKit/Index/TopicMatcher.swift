/// Where text names a topic: the topic, the name or alias from `topics.yml` that matched, as written there, and
/// the words as they stand in the text.
public struct TopicMatch: Sendable, Equatable {
    public var slug: String
    public var term: String
    public var found: String
}

/// Finds topics in text by their names and aliases, as whole words, case-insensitively and in any of the
/// spellings `NameFolding` gives one key: "Zelenskiy's" names Zelensky, "Kyivan" does not name Kyiv.
public struct TopicMatcher: Sendable {
    private struct Term: Sendable {
        var keys: [String]
        var text: String
        var slug: String
    }

    /// Key of a term's first word → the terms, longest first, so that a match reports the most it can.
    private var terms: [String: [Term]] = [:]

    public init(topics: [Topic]) {
        for topic in topics {
            for text in [topic.name] + topic.aliases {
                let keys = NameFolding.keys(of: text)
                guard let first = keys.first else { continue }
                terms[first, default: []].append(Term(keys: keys, text: text, slug: topic.slug))
            }
        }
        terms = terms.mapValues { list in
            list.enumerated().sorted { ($0.element.keys.count, $1.offset) > ($1.element.keys.count, $0.offset) }.map(\.element)
        }
    }

    /// Every topic the text names, once per topic (first occurrence), sorted by slug.
    public func matches(in text: String) -> [TopicMatch] {
        let words = NameFolding.words(in: text)
        var found: [String: TopicMatch] = [:]
        for index in words.indices {
            guard let candidates = terms[words[index].key] else { continue }
            for term in candidates where found[term.slug] == nil {
                let end = index + term.keys.count
                guard end <= words.count, words[index..<end].elementsEqual(term.keys, by: { $0.key == $1 }) else { continue }
                let range = words[index].range.lowerBound..<words[end - 1].range.upperBound
                found[term.slug] = TopicMatch(slug: term.slug, term: term.text, found: String(text[range]))
            }
        }
        return found.values.sorted { $0.slug < $1.slug }
    }

    /// Slugs of the topics `text` names, sorted.
    public func topics(in text: String) -> [String] { matches(in: text).map(\.slug) }
}

/// Resolves what an editor wrote in `topics:` (a name, slug or alias, any case, in any spelling `NameFolding` gives
/// one key) to a topic.
struct TopicResolver {
    private var byKeys: [[String]: String] = [:]
    /// Each term exactly as the topics file spells it: what most references are, found without folding them.
    private var bySpelling: [String: String] = [:]
    private let names: [String]

    init(topics: [Topic]) {
        for topic in topics {
            for term in [topic.name, topic.slug] + topic.aliases {
                let keys = NameFolding.keys(of: term)
                if !keys.isEmpty { byKeys[keys] = topic.slug }
            }
        }
        for topic in topics {
            for term in [topic.name, topic.slug] + topic.aliases {
                if let slug = byKeys[NameFolding.keys(of: term)] { bySpelling[term] = slug }
            }
        }
        names = topics.flatMap { [$0.name] + $0.aliases }
    }

    /// The slugs of `refs`, each once, in the order first named; an unknown one is an error at its place.
    func resolve(_ refs: [Located<String>], path: String, log: inout DiagnosticLog) -> [String] {
        var seen = Set<String>()
        return refs.compactMap { resolve($0, path: path, log: &log) }.filter { seen.insert($0).inserted }
    }

    func resolve(_ ref: Located<String>, path: String, log: inout DiagnosticLog) -> String? {
        if let slug = slug(of: ref.value) { return slug }
        log.error(path, line: ref.line, column: ref.column, unknown(ref.value))
        return nil
    }

    /// The slug of the topic `term` names, or `nil` when it names none.
    func slug(of term: String) -> String? { bySpelling[term] ?? byKeys[NameFolding.keys(of: term)] }

    /// What to say of a term that names no topic: the nearest name or alias, if one is near enough.
    func unknown(_ term: String) -> String {
        var message = "unknown topic '\(term)'"
        if let near = Suggest.closest(to: term, among: names) { message += "; did you mean '\(near)'?" }
        return message
    }
}
