/// What one content file gave: the hash it was read with, its value and the diagnostics reading it gave (replayed
/// when the value is reused).
struct LoadedFile<Value> {
    var hash: ContentHash
    var value: Value
    var diagnostics: [Diagnostic]
}

/// Values an earlier build made from content files, offered to the loader: a file read with the same hash is not
/// parsed again. A reused note's body must already be in the `NoteBodies` the loader is given, so whatever offers
/// notes also offers their bodies.
protocol ContentReuse: Sendable {
    /// The article made from the file at `path` when it was read with `hash` (its bytes and the topics file).
    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>?
    /// The note made from the file at `path` when its bytes had `hash`.
    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>?
    /// Whether a note at `path` might be reused, whatever its hash: notes that cannot are counted before any is
    /// read, to start the Markdown workers they need.
    func mayReuseNote(at path: String) -> Bool
    /// The entry of the file at `path` when it is known unchanged since it was read, so that it is not read again
    /// (`dossier serve`, told what changed by its file watcher); `nil` to read the file.
    func unchangedArticle(at path: String) -> LoadedFile<Article>?
    func unchangedNote(at path: String) -> LoadedFile<Note>?
}

extension ContentReuse {
    func unchangedArticle(at path: String) -> LoadedFile<Article>? { nil }
    func unchangedNote(at path: String) -> LoadedFile<Note>? { nil }
}

/// Nothing to reuse: every file is parsed (a build from memory).
struct NoReuse: ContentReuse {
    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? { nil }
    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? { nil }
    func mayReuseNote(at path: String) -> Bool { false }
}

/// What the loader read: each article and note file's entry, in file order, for a caching layer to remember, and
/// the rest of the content. The content's lists are made from the entries only when asked for, so that a build
/// does not hold both while it saves the entries.
struct LoadedSite: Sendable {
    var topics: [Topic]
    var articles: [LoadedFile<Article>]
    var notes: [LoadedFile<Note>]
    var territory: [TerritoryFigure]?
    var events: [TimelineEvent]
    var inputHash: ContentHash
    var config: SiteConfig
    var hasConfigFile = false

    var content: SiteContent {
        SiteContent(topics: topics, articles: articles.map(\.value), notes: notes.map(\.value), territory: territory,
                    events: events, inputHash: inputHash, config: config, hasConfigFile: hasConfigFile)
    }
}

extension LoadedFile: Sendable where Value: Sendable {}
