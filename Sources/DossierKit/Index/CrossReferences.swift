import Foundation

/// Which notes cite each article, and each topic's pages newest first: made the first time either is asked for,
/// from the notes and articles the index holds. A build's article and topic pages ask at once; `dossier serve`
/// renders pages only when a browser asks, so a save is not kept waiting for tables no page has wanted yet.
/// Safe to use from several threads.
final class CrossReferences: @unchecked Sendable {
    private let notes: [Note]
    private let articles: [Article]
    private var made: (citations: [String: [Int]], entries: [String: [SiteIndex.Entry]])?
    private let lock = NSLock()

    init(notes: [Note], articles: [Article]) {
        self.notes = notes
        self.articles = articles
    }

    /// Article id → positions in the index's notes of the notes that cite it, newest first.
    var citations: [String: [Int]] { tables.citations }
    /// Topic slug → its pages, newest first.
    var entries: [String: [SiteIndex.Entry]] { tables.entries }

    private var tables: (citations: [String: [Int]], entries: [String: [SiteIndex.Entry]]) {
        lock.withLock {
            if let made { return made }
            let tables = Self.make(notes: notes, articles: articles)
            made = tables
            return tables
        }
    }

    /// How many pages each topic has, without making the entries.
    static func counts(notes: [Note], articles: [Article]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for note in notes { for slug in note.topics { counts[slug, default: 0] += 1 } }
        for article in articles { for slug in article.topics { counts[slug, default: 0] += 1 } }
        return counts
    }

    private static func make(notes: [Note], articles: [Article]) -> (citations: [String: [Int]], entries: [String: [SiteIndex.Entry]]) {
        var citations: [String: [Int]] = [:]
        for (position, note) in notes.enumerated() {
            for source in Set(note.sources.map(\.value)) { citations[source, default: []].append(position) }
        }
        var entries: [String: [SiteIndex.Entry]] = [:]
        for note in notes {
            for slug in note.topics {
                entries[slug, default: []].append(SiteIndex.Entry(kind: .note, title: note.title, date: note.date, summary: note.summary,
                                                                  page: NotePage.page(note.slug), draft: note.isDraft))
            }
        }
        for article in articles {
            for slug in article.topics {
                entries[slug, default: []].append(SiteIndex.Entry(kind: .article, title: article.title ?? article.id, date: article.date,
                                                                  summary: article.summary, page: ArticlePage.page(article.id)))
            }
        }
        for (key, list) in entries { entries[key] = SiteIndex.newestFirst(list, date: \.date.sortKey, id: \.page.path) }
        return (citations, entries)
    }
}
