/// A note's body to render, and how deep its page lies, so that links into the site become relative links
/// from that page. Rendering it is a pure function of these two values: a worker process renders exactly what
/// this process would.
struct MarkdownJob: Sendable, Equatable {
    var source: String
    var pageDepth: Int

    /// The body as its page shows it, and where its links point in the site.
    struct Output: Sendable, Hashable {
        var rendered: Markdown.Rendered
        /// For each of `rendered.links`, the page or file of the site it names; `nil` for a link that leaves the
        /// site or stays on the page, and for one `URLPolicy` drops.
        var targets: [SiteLink?]
    }

    /// The body as its page shows it: links into the site point at the pages they name
    /// (`../articles/x/` → `../../articles/x/index.html`); links `URLPolicy` drops are dropped. Each link is
    /// resolved once, here, for the rewrite and for the caller's checks.
    func render() -> Output {
        var resolved: [Markdown.Link: SiteLink] = [:]
        let rendered = Markdown.render(source) { link in
            guard let target = SiteLink.resolve(link.url, inFolder: "notes") else { return nil }
            resolved[link] = target
            guard let page = target.page else { return nil }
            return String.rootPrefix(depth: pageDepth) + page.path + (target.fragment.map { "#" + $0 } ?? "")
        }
        return Output(rendered: rendered, targets: rendered.links.map { resolved[$0] })
    }
}
