/// `articles/<id>/index.html`: a cleaned article, its paragraphs numbered `#p1`… for citations, and the notes
/// that cite it.
enum ArticlePage: PageKind {
    static let name = "article"

    struct Context: Codable {
        var title: String
        var outlet: String?
        var url: String?
        var summary: String?
        var date: DateValues?
        var dateFromFileName: Bool
        var paragraphs: [Paragraph]
        var topics: [TopicLink]
        var hasTopics: Bool
        var citedBy: [NoteItem]
        var hasCitedBy: Bool
        /// "About this copy": outlet, original address, published and retrieved dates, each with where it was found.
        var provenance: [Fact]

        struct Paragraph: Codable {
            var anchor: String
            /// The paragraph's number, shown as ¶8 when a link lands on it.
            var number: Int
            var text: String
        }

        /// One line of the provenance: what is known (or plainly that it is not), and where the build found it.
        struct Fact: Codable {
            var label: String
            var value: String
            /// The original's address, linked; only for the URL.
            var href: String?
            var foundIn: String?
        }
    }

    static func path(_ key: String) -> String { "articles/\(key)/index.html" }

    /// `articles/<id>/` or, as editors write it, the article's file `articles/<id>.txt`.
    static func key(route: [String]) -> String? {
        guard route.count == 2, route[0] == "articles" else { return nil }
        return route[1].hasSuffix(".txt") ? String(route[1].dropLast(4)) : route[1]
    }

    static func keys(in site: SiteIndex) -> [String] { site.articles.map(\.id) }

    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        guard let article = site.article(key) else { return nil }
        return PageAnchors(noun: "paragraph", numbered: ("p", article.paragraphs.count))
    }

    static func view(_ key: String, in site: SiteIndex) -> (title: String, context: Context)? {
        guard let article = site.article(key) else { return nil }
        let root = String.rootPrefix(depth: page(key).depth)
        let citedBy = site.notesCiting(article.id)
        return (article.title ?? article.id, Context(
            title: article.title ?? article.id, outlet: article.outlet, url: article.url,
            summary: article.summary, date: article.date.map(DateValues.init),
            dateFromFileName: article.dateSource == .fileName,
            paragraphs: article.paragraphs.enumerated().map { Context.Paragraph(anchor: "p\($0.offset + 1)", number: $0.offset + 1, text: $0.element) },
            topics: TopicLink.list(article.topics, in: site, root: root), hasTopics: !article.topics.isEmpty,
            citedBy: citedBy.map { NoteItem($0, root: root) }, hasCitedBy: !citedBy.isEmpty,
            provenance: facts(of: article)))
    }

    static func facts(of article: Article) -> [Context.Fact] {
        let found = article.provenance
        return [
            Context.Fact(label: "Outlet", value: article.outlet ?? "outlet not recorded", foundIn: found.outlet?.phrase),
            Context.Fact(label: "Original address", value: article.url ?? "original address not recorded",
                         href: article.url, foundIn: found.url?.phrase),
            Context.Fact(label: "Published", value: article.date?.display ?? "publication date not recorded",
                         foundIn: found.date?.phrase),
            Context.Fact(label: "Retrieved", value: found.accessed?.display ?? "retrieval date not recorded",
                         foundIn: found.accessed == nil ? nil : "in the front matter"),
        ]
    }
}

extension ArticlePage {
    /// What the page's head describes it by.
    static func summary(_ key: String, in site: SiteIndex) -> String? { site.article(key)?.listSummary }
}
