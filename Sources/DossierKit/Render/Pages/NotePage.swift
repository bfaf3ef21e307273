/// `notes/<slug>/index.html`: an editor's note, its rendered Markdown and the articles it cites.
enum NotePage: PageKind {
    static let name = "note"

    struct Context: Codable {
        var title: String
        var date: DateValues
        var summary: String?
        var topics: [TopicLink]
        var hasTopics: Bool
        /// The rendered Markdown, read from `NoteBodies` when the page is rendered.
        var body: NoteBodyRef
        var sources: [ArticleItem]
        var hasSources: Bool
        /// A draft, shown only by `dossier serve`.
        var draft: Bool
    }

    static func path(_ key: String) -> String { "notes/\(key)/index.html" }

    /// `notes/<slug>/` or, as editors write it, the note's file: `Суджа і дрони.md` links to the page its
    /// default slug names.
    static func key(route: [String]) -> String? {
        guard route.count == 2, route[0] == "notes" else { return nil }
        return route[1].hasSuffix(".md") ? Slug.make(String(route[1].dropLast(3))) : route[1]
    }

    static func keys(in site: SiteIndex) -> [String] { site.notes.map(\.slug) }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        site.note(key).map { PageAnchors(noun: "heading", ids: $0.anchors) }
    }

    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? {
        guard let note = site.note(key) else { return nil }
        let root = String.rootPrefix(depth: page(key).depth)
        return (note.title, Context(
            title: note.title, date: DateValues(note.date), summary: note.summary,
            topics: TopicLink.list(note.topics, in: site, root: root), hasTopics: !note.topics.isEmpty,
            body: NoteBodyRef(slug: note.slug, hash: note.bodyHash),
            sources: note.sources.compactMap { site.article($0.value) }.map { ArticleItem($0, root: root) },
            hasSources: !note.sources.isEmpty, draft: note.isDraft))
    }
}

extension NotePage {
    /// What the page's head describes it by.
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.note(key)?.summary }
}
