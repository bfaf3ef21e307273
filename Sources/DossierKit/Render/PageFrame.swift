/// What every page's template receives besides its kind's own values, for the layout (`base.mustache`): the
/// page's title, the way back to the root, the site's name and language from `site.yml`, and the navigation.
struct PageFrame: Codable {
    var pageTitle: String
    /// `../../` on a page two folders deep: links stay relative, so the site works from any folder.
    var root: String
    var site: SiteValues
    var nav: [NavLink]
    /// The head's links and descriptions (`Render/PageMeta.swift`).
    var meta: PageMeta
    /// The page's Content-Security-Policy, decided by its kind: written as it is, since its quotes are the build's.
    var csp: HTMLFragment

    /// No script, no fetch, no form posting anywhere: what every page but the search page allows.
    static let standardPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    /// `policy` as `dossier serve` sends it: scripts and connections from the page's own host allowed too, for the
    /// live-reload script (`LiveReload`) and its event stream; every other directive as it was.
    static func livePolicy(_ policy: String) -> String {
        var directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in ["script-src", "connect-src"] {
            let allowed = name + " 'self'"
            if let at = directives.firstIndex(where: { $0 == name || $0.hasPrefix(name + " ") }) {
                if !directives[at].split(separator: " ").contains("'self'") {
                    directives[at] = directives[at].replacingOccurrences(of: " 'none'", with: "") + " 'self'"
                }
            } else {
                directives.append(allowed)
            }
        }
        return directives.joined(separator: "; ")
    }

    struct SiteValues: Codable {
        var title: String
        var description: String?
        var language: String
    }

    struct NavLink: Codable {
        var label: String
        var href: String
        /// The link to the page it is on: `aria-current="page"`.
        var current: Bool
    }

    init(_ kind: any PageKind.Type, key: String, title: String, site: SiteIndex) {
        let page = kind.page(key)
        pageTitle = title
        let root = String.rootPrefix(depth: page.depth)
        self.root = root
        self.site = SiteValues(title: site.config.title, description: site.config.description, language: site.config.language)
        meta = PageMeta(kind, key: key, root: root, site: site)
        csp = HTMLFragment(kind.contentSecurityPolicy)
        nav = site.navigation.map { section in
            NavLink(label: section.label, href: root + section.path, current: section.page == page)
        }
    }
}

extension String {
    /// `../../` for a page `depth` folders below the root.
    static func rootPrefix(depth: Int) -> String { String(repeating: "../", count: depth) }
}
