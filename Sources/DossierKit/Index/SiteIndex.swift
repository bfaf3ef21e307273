/// The site's content cross-referenced: topics resolved, citations and topic pages gathered, links checked.
public struct SiteIndex: Sendable {
    public var topics: [Topic]
    /// Newest first.
    public var articles: [Article]
    /// The published notes, newest first.
    public var notes: [Note]
    /// Notes marked `draft: true`, newest first: checked like the others (topics, sources, their own links) but on
    /// no page, in no list and no link target. This split is the one place where being a draft has an effect.
    public var drafts: [Note]
    /// Topic slug → how many pages it lists (`entries(of:)` lists them).
    public var topicCounts: [String: Int]
    /// Who cites what, and what each topic lists: made when first asked for.
    var crossReferences: CrossReferences
    public var territory: TerritorySeries
    /// The events of `content/events.yml`, oldest first, their article sources checked.
    public var events: [TimelineEvent]
    /// The newest date of the content (notes, articles, figures, events): the day the dossier speaks as of, so
    /// that "how old" a figure is never depends on the day the site is built.
    public var asOf: Day?
    /// `site.yml`, and what it and the content decide: the optional parts that are on, and the navigation.
    public var config: SiteConfig
    /// The events, curated territory figures and dated articles merged, oldest first (`Index/Timeline.swift`).
    public var timeline: [TimelineEntry] = []
    /// Topic slug → how many timeline entries it has; a topic not here has no timeline page.
    var timelineTopics: [String: Int] = [:]
    var parts: Set<SitePart>
    var navigation: [NavSection]

    /// A page listed under a topic.
    public struct Entry: Sendable {
        public enum Kind: String, Sendable { case note, article }
        public var kind: Kind
        public var title: String
        public var date: Day?
        public var summary: String?
        public var page: SitePage
        /// A draft note shown by `dossier serve`.
        public var draft = false
    }

    /// Article id → position in `articles`.
    var articlePositions: [String: Int] = [:]
    /// Topic slug → topic.
    var topicsBySlug: [String: Topic] = [:]
    /// Note slug → position in `notes`.
    var notePositions: [String: Int] = [:]
    /// Draft slug → position in `drafts`.
    var draftPositions: [String: Int] = [:]

    /// Whether the site has `part`; every site has what belongs to no part.
    func has(_ part: SitePart?) -> Bool { part.map(parts.contains) ?? true }

    /// The kinds of page this site has: those of `PageKinds.all` whose part is on.
    var pageKinds: [any PageKind.Type] { PageKinds.all.filter { has($0.part) } }

    /// Every page the site has, in a fixed order: what the build writes and the sitemap lists.
    var pages: [SitePage] { pageKinds.flatMap { kind in kind.keys(in: self).map(kind.page) } }

    /// The data files this site has.
    var dataFiles: [any DataFileKind.Type] { PageKinds.dataFiles.filter { has($0.part) } }

    public func note(_ slug: String) -> Note? { notePositions[slug].map { notes[$0] } }

    /// The draft whose slug is `slug`, if any.
    public func draft(_ slug: String) -> Note? { draftPositions[slug].map { drafts[$0] } }

    /// The notes that cite the article `id`, newest first.
    public func notesCiting(_ id: String) -> [Note] { (crossReferences.citations[id] ?? []).map { notes[$0] } }

    /// The pages listed under the topic `slug`, newest first.
    public func entries(of slug: String) -> [Entry] { crossReferences.entries[slug] ?? [] }

    public func article(_ id: String) -> Article? { articlePositions[id].map { articles[$0] } }
    public func topic(_ slug: String) -> Topic? { topicsBySlug[slug] }
}

extension SiteIndex {
    /// `reuse`: what an earlier indexing in this process found that this one may take instead of finding it again.
    public static func build(_ content: SiteContent, reuse: IndexReuse? = nil, log: inout DiagnosticLog) -> SiteIndex {
        let resolver = TopicResolver(topics: content.topics)

        var articles = content.articles.map { article in
            var article = article
            var slugs = Set(article.topicRefs.compactMap { resolver.resolve($0, path: article.path, log: &log) })
            slugs.formUnion(article.namedTopics)
            article.topics = slugs.sorted()
            article.listSummary = article.summary ?? article.paragraphs.first.map { Excerpt.make($0) }
            return article
        }
        articles = newestFirst(articles, date: \.date.sortKey, id: \.id)
        let articleIDs = Set(articles.map(\.id))

        var notes = content.notes.map { note in
            var note = note
            note.topics = resolver.resolve(note.topicRefs, path: note.path, log: &log)
            for source in note.sources where !articleIDs.contains(source.value) {
                log.error(note.path, line: source.line, column: source.column,
                          CitedArticles.unknown(source.value, noun: "source article", among: Array(articleIDs)))
            }
            return note
        }
        notes = newestFirst(notes, date: \.date.sortKeyValue, id: \.slug)
        // A draft's URL is checked too: publishing it must not make two pages share one.
        checkUniqueURLs(articles: articles, notes: notes, log: &log)
        let drafts = notes.filter(\.isDraft)
        notes.removeAll(where: \.isDraft)
        let counts = CrossReferences.counts(notes: notes, articles: articles)
        for topic in content.topics where counts[topic.slug] == nil {
            log.warning("content/topics.yml", "topic '\(topic.name)' has no notes or articles")
        }
        let topics = content.topics.sorted { $0.name.lowercased() < $1.name.lowercased() }
        let parts = SiteSections.parts(content.config, content: content, log: &log)
        let navigation = SiteSections.navigation(content.config, parts: parts, log: &log)
        checkKeyPoints(content.config.summary, notes: notes, drafts: drafts, log: &log)
        let territory = parts.contains(.territory)
            ? TerritoryIndex.build(content.territory ?? [], articles: articles, focus: content.config.territory.focus,
                                  reuse: reuse, log: &log)
            : TerritorySeries(curated: [], extracted: [], undated: [])
        let resolved = content.events.map { event in
            var event = event
            event.topics = resolver.resolve(event.topicRefs, path: "content/events.yml", log: &log)
            return event
        }
        let events = CitedArticles(articles).checked(resolved, log: &log)
        let dates = notes.map(\.date) + articles.compactMap(\.date) + territory.curated.map(\.date.last) + events.map(\.date.last)
        var index = SiteIndex(topics: topics, articles: articles, notes: notes, drafts: drafts, topicCounts: counts,
                              crossReferences: CrossReferences(notes: notes, articles: articles), territory: territory, events: events,
                              asOf: dates.filter { $0.day != nil }.max(), config: content.config, parts: parts,
                              navigation: navigation)
        index.articlePositions = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        index.topicsBySlug = Dictionary(topics.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        index.notePositions = Dictionary(notes.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        index.draftPositions = Dictionary(drafts.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        index.timeline = Timeline.entries(events: events, figures: territory.curated, articles: articles,
                                          figureWording: content.config.territory.axisLabel)
        index.timelineTopics = Timeline.topicCounts(index.timeline)
        return index
    }

    /// The index with its drafts published among the notes, each still marked a draft: what `dossier serve` shows,
    /// after the checks have run on the index as the build sees it.
    public func showingDrafts() -> SiteIndex {
        guard !drafts.isEmpty else { return self }
        var index = self
        index.notes = Self.newestFirst(notes + drafts, date: \.date.sortKeyValue, id: \.slug)
        index.drafts = []
        index.draftPositions = [:]
        index.notePositions = Dictionary(index.notes.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        index.topicCounts = CrossReferences.counts(notes: index.notes, articles: articles)
        index.crossReferences = CrossReferences(notes: index.notes, articles: articles)
        return index
    }

    /// Two pages may not share a URL; file systems that ignore case would merge them, so case is ignored.
    static func checkUniqueURLs(articles: [Article], notes: [Note], log: inout DiagnosticLog) {
        let pages = articles.map { (ArticlePage.page($0.id).path, $0.path, nil as Int?) }
            + notes.map { (NotePage.page($0.slug).path, $0.path, $0.slugLine) }
        for (_, group) in Dictionary(grouping: pages, by: { $0.0.lowercased() }) where group.count > 1 {
            for (page, path, line) in group {
                let others = group.filter { $0.1 != path }.map(\.1).sorted().joined(separator: ", ")
                log.error(path, line: line, "two pages with one URL: this file's page \(page) is also the page of \(others)")
            }
        }
    }

    /// Newest first, ties broken by id, so that the order never depends on file order. The keys are read once
    /// and sorted with the items' positions, instead of moving whole values around or making a page's path at
    /// every comparison.
    static func newestFirst<T>(_ items: [T], date: (T) -> Int, id: (T) -> String) -> [T] {
        items.indices.map { (date(items[$0]), id(items[$0]), $0) }
            .sorted { ($0.0, $1.1) > ($1.0, $0.1) }
            .map { items[$0.2] }
    }
}

extension Optional where Wrapped == Day {
    /// Orders unknown dates before every known one, and a month before its days.
    var sortKey: Int { map(\.sortKeyValue) ?? Int.min }
}

extension SiteIndex {
    /// A key point's note is its source on the briefing: it must be a page readers can open.
    static func checkKeyPoints(_ points: [KeyPoint], notes: [Note], drafts: [Note], log: inout DiagnosticLog) {
        let published = Set(notes.map(\.slug)), unpublished = Set(drafts.map(\.slug))
        for point in points {
            guard let note = point.note, !published.contains(note.value) else { continue }
            var message = "key point's note '\(note.value)' "
            if unpublished.contains(note.value) {
                message += "is a draft; a key point must cite a published note"
            } else {
                message += "is not a note"
                if let near = Suggest.closest(to: note.value, among: Array(published)) { message += "; did you mean '\(near)'?" }
            }
            log.error(SiteConfig.path, line: note.line, column: note.column, message)
        }
    }
}
