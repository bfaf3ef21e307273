/// `articles/index.html`: every source article by month, newest first; undated articles last.
enum ArticleIndexPage: SinglePageKind {
    static let name = "articles"
    static let section: String? = "Articles"
    static let route = ["articles"]

    struct Context: Codable {
        var months: [Month]
        var count: Int

        struct Month: Codable {
            /// `2025-03`, for the section's id; `undated` for articles without a date.
            var id: String
            var name: String
            var articles: [ArticleItem]
        }
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        // The articles are newest first already, undated ones last: consecutive runs of one month are its group.
        var months: [Context.Month] = []
        for article in site.articles {
            let month = Self.month(of: article)
            let id = month?.iso ?? "undated"
            let item = ArticleItem(article, root: root)
            if months.last?.id == id {
                months[months.count - 1].articles.append(item)
            } else {
                months.append(Context.Month(id: id, name: month?.display ?? "Date unknown", articles: [item]))
            }
        }
        return ("Articles", Context(months: months, count: site.articles.count))
    }
}

extension ArticleIndexPage {
    /// The month an article is listed under; nil for an undated one.
    static func month(of article: Article) -> Day? {
        article.date.flatMap { Day(year: $0.year, month: $0.month, day: nil) }
    }

    /// Each month's section, `#2025-03` (`#undated`), besides the template's own ids: known without making the page.
    static func anchors(_ key: String, in site: SiteIndex) -> PageAnchors? {
        PageAnchors(noun: "month", ids: Set(site.articles.map { month(of: $0)?.iso ?? "undated" }))
    }
}
