import Foundation

/// Turns the index into pages: which pages the site has, the value each page's template receives (the page
/// frame and its kind's context, encoded once), the key made from exactly that value, and the page's text.
struct PageRenderer: Sendable {
    let templates: Templates
    let index: SiteIndex
    let bodies: any NoteBodies
    /// Pages for `dossier serve`: each page's policy also lets the live-reload script run and listen.
    var live = false

    /// A page's template, and the value it receives.
    struct PageValue: Sendable {
        var template: String
        var value: TemplateValue
    }

    /// The template and value of `page`; `nil` when the site has no such page.
    static func value(of page: SitePage, in index: SiteIndex, live: Bool = false) -> PageValue? {
        guard let kind = PageKinds.kind(named: page.kind) else { return nil }
        return value(kind, key: page.key, in: index, live: live)
    }

    private static func value<Kind: PageKind>(_ kind: Kind.Type, key: String, in index: SiteIndex, live: Bool) -> PageValue? {
        guard let view = kind.view(key, in: index) else { return nil }
        var frame = PageFrame(kind, key: key, title: view.title, site: index)
        if live { frame.csp = HTMLFragment(PageFrame.livePolicy(kind.contentSecurityPolicy)) }
        guard case .map(var map) = TemplateEncoder.encode(frame) else { return nil }
        if case .map(let own) = TemplateEncoder.encode(view.context) {
            for (name, value) in zip(own.keys, own.values) { map.append(name, value) }
        }
        return PageValue(template: kind.name, value: .map(map))
    }

    /// The page's key: the templates' fingerprint and the hash of the very value the template receives.
    func key(of page: SitePage, _ value: PageValue) -> ContentHash {
        templates.fingerprint.combined(value.value.hash(prefix: PageCode.encode(page)))
    }

    /// The page's HTML, with its note body read in; throws `CacheDamaged` when a body is not the one hashed.
    func render(_ page: PageValue) throws -> String {
        var value = page.value
        if value.hasBodies {
            let index = self.index, bodies = self.bodies
            value = try value.loadingBodies { ref throws(CacheDamaged) in
                guard let note = index.note(ref.slug) else { throw CacheDamaged(file: ".dossier-cache/bodies") }
                return try bodies.body(of: note)
            }
        }
        return try templates.render(value, with: page.template)
    }

    /// The names each kind's template receives, and every name some page has (for the layout and partials).
    static let schemas: [String: TemplateSchema] = Dictionary(
        PageKinds.all.map { ($0.name, schema(of: $0)) }, uniquingKeysWith: { a, _ in a })
    static let sharedSchema = schemas.values.reduce(TemplateSchema.of(PageFrame.self)) { $0.union($1) }

    private static func schema<Kind: PageKind>(of kind: Kind.Type) -> TemplateSchema {
        TemplateSchema.of(PageFrame.self).union(TemplateSchema.of(Kind.Context.self))
    }
}
