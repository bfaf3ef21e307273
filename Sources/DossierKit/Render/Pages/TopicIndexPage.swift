/// `topics/index.html`: every topic, with how many pages it has.
enum TopicIndexPage: SinglePageKind {
    static let name = "topics"
    static let section: String? = "Topics"
    static let route = ["topics"]

    struct Context: Codable {
        var topics: [TopicItem]
    }

    static func view(in site: SiteIndex) -> (title: String, context: Context) {
        ("Topics", Context(topics: TopicItem.all(in: site, root: root)))
    }
}
