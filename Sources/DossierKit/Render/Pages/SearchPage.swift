/// `search/index.html`: a form whose query `assets/search.js` runs in the browser against the index the build
/// writes under `search/` (`SearchIndex`). The only page that loads a script, so the only one whose policy lets
/// it, and lets it fetch the index.
enum SearchPage: SinglePageKind {
    static let name = "search"
    static let section: String? = "Search"
    static let route = ["search"]
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

    struct Context: Codable {
        /// The folder of the index, relative to the page, for the script.
        var indexHref: String
        var scriptHref: String
        var topicsHref: String
        var articlesHref: String
        var notesHref: String
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        ("Search", Context(indexHref: root + SearchIndex.folder + "/", scriptHref: root + "assets/search.js",
                           topicsHref: root + TopicIndexPage.path(""), articlesHref: root + ArticleIndexPage.path(""),
                           notesHref: root + NoteIndexPage.path("")))
    }
}
