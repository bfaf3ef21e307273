/// A note's body to render, and how deep its page lies, so that links into the site become relative links
/// from that page. Rendering it is a pure function of these two values: a worker process renders exactly what
/// this process would.
struct MarkdownJob: Sendable, Equatable {
    var source: String
    var pageDepth: Int

    /// The body as its page shows it: links into the site point at the pages they name
    /// (`../articles/x/` → `../../articles/x/index.html`); links `URLPolicy` drops are dropped.
    func render() -> Markdown.Rendered {
        Markdown.render(source) { destination(for: $0) }
    }

    /// Where a link `URLPolicy` keeps points from the note's page, or `nil` to keep it as written.
    func destination(for link: Markdown.Link) -> String? {
        guard let target = SiteLink.resolve(link.url, inFolder: "notes"), let page = target.page else { return nil }
        return String.rootPrefix(depth: pageDepth) + page.path + (target.fragment.map { "#" + $0 } ?? "")
    }
}
