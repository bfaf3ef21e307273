/// `feed.xml`: an Atom feed (RFC 4287) of the newest notes and articles, with absolute addresses from the base
/// URL. Every date comes from the content, so the feed is the same whenever it is built.
enum AtomFeed {
    /// How many entries the feed holds: readers fetch it often, so it carries the latest, not the archive.
    static let limit = 100

    /// One entry: a note or an article.
    struct Item {
        var title: String
        var page: SitePage
        var date: Day
        var summary: String?
        var author: String
        var topics: [Topic]
    }

    /// The notes and the dated articles, newest first, ties broken by page path. An article without a date has
    /// nothing honest to put in `updated`, which Atom requires, so it is left out of the feed (not of the site).
    static func items(in site: SiteIndex) -> [Item] {
        func topics(_ slugs: [String]) -> [Topic] { slugs.compactMap(site.topic) }
        let notes = site.notes.map { note in
            Item(title: note.title, page: NotePage.page(note.slug), date: note.date, summary: note.summary,
                 author: site.config.title, topics: topics(note.topics))
        }
        let articles = site.articles.compactMap { article -> Item? in
            guard let date = article.date else { return nil }
            return Item(title: article.title ?? article.id, page: ArticlePage.page(article.id), date: date,
                        summary: article.listSummary, author: article.outlet ?? site.config.title,
                        topics: topics(article.topics))
        }
        let all = SiteIndex.newestFirst(notes + articles, date: \.date.sortKeyValue, id: \.page.path)
        return Array(all.prefix(limit))
    }

    /// The feed's XML, its addresses under `base` (the site's base URL, ending with "/").
    static func xml(_ site: SiteIndex, base: String) -> String {
        let items = items(in: site)
        let feedURL = SiteURL.absolute(FeedFile.path, base: base)
        // The newest entry dates the feed; a feed with none, the content's newest date.
        let updated = items.first?.date ?? site.asOf
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(site.config.language))">
        <title>\(XMLText.escape(site.config.title))</title>

        """
        if let description = site.config.description {
            out += "<subtitle>\(XMLText.escape(Excerpt.oneLine(description)))</subtitle>\n"
        }
        out += """
        <id>\(XMLText.escape(feedURL))</id>
        <link rel="self" type="application/atom+xml" href="\(XMLText.escape(feedURL))"/>
        <link rel="alternate" type="text/html" href="\(XMLText.escape(base))"/>
        <updated>\(timestamp(updated))</updated>
        <author><name>\(XMLText.escape(site.config.title))</name></author>
        <generator>dossier</generator>

        """
        for item in items {
            let url = XMLText.escape(SiteURL.absolute(item.page.path, base: base))
            out += """
            <entry>
            <title>\(XMLText.escape(item.title))</title>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <id>\(url)</id>
            <published>\(timestamp(item.date))</published>
            <updated>\(timestamp(item.date))</updated>
            <author><name>\(XMLText.escape(item.author))</name></author>

            """
            for topic in item.topics {
                out += "<category term=\"\(XMLText.escape(topic.slug))\" label=\"\(XMLText.escape(topic.name))\"/>\n"
            }
            if let summary = item.summary {
                out += "<summary>\(XMLText.escape(Excerpt.oneLine(summary)))</summary>\n"
            }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// RFC 3339 at midnight UTC of the day (the first of the month for a month); the content has no times.
    /// Without any date at all, the Unix epoch: fixed, never the clock.
    static func timestamp(_ day: Day?) -> String {
        guard let day else { return "1970-01-01T00:00:00Z" }
        let date = day.day == nil ? day.iso + "-01" : day.iso
        return String(repeating: "0", count: max(0, 10 - date.count)) + date + "T00:00:00Z"
    }
}
