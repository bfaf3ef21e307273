/// Checks that every link written in content points at a page the build writes, and at an anchor that page
/// has: those its kind offers (paragraphs, headings) and the ids its templates write where the page shows them.
struct LinkCheck {
    let index: SiteIndex
    /// The data and asset files the build writes (`data/territory.csv`, `assets/style.css`, …).
    let files: Set<String>
    /// The site's templates; `nil` when they failed to load, and then fragments only they could offer pass.
    let templates: Templates?

    func run(log: inout DiagnosticLog) {
        var shown: [SitePage: [String]] = [:]
        for note in index.notes + index.drafts {
            for link in note.siteLinks {
                if let problem = draftProblem(link.value, from: note) ?? problem(link.value, shown: &shown) {
                    log.error(note.path, line: link.line, column: link.column, problem)
                }
            }
        }
    }

    /// A published note may not link to a draft, whose page does not exist; a draft may, since neither is on the
    /// site yet, and its link is checked against the draft's headings. `.some(nil)` for a sound link to a draft,
    /// `nil` for a link to anything else (the ordinary check's business).
    func draftProblem(_ link: SiteLink, from note: Note) -> String?? {
        guard let page = link.page, page.kind == NotePage.name, index.note(page.key) == nil,
              let draft = index.draft(page.key) else { return nil }
        guard note.isDraft else {
            return "link to the draft note '\(draft.slug)'; publish it (remove draft: true) or drop the link"
        }
        guard let fragment = link.fragment, !fragment.isEmpty, !draft.anchors.contains(fragment) else { return .some(nil) }
        let anchors = PageAnchors(noun: "heading", ids: draft.anchors)
        return "link to unknown heading '#\(fragment)' of draft note '\(draft.slug)' (it has \(anchors.listing))"
    }

    /// `shown` remembers, per page, the template ids its values render: worked out once for all the links to it.
    func problem(_ link: SiteLink, shown: inout [SitePage: [String]]) -> String? {
        guard let page = link.page else {
            return link.resolvedPath.hasPrefix("..") ? "link to '\(link.resolvedPath)' leaves the site"
                                                     : "link to '\(link.resolvedPath)', which is not a page of this site"
        }
        if page.kind == PageKinds.file {
            return files.contains(page.key) ? nil : "link to '\(page.key)', which the build does not write"
        }
        guard let kind = PageKinds.kind(named: page.kind) else {
            return "link to '\(link.resolvedPath)', which is not a page of this site"
        }
        if let part = kind.part, !index.has(part) {
            return "link to '\(link.resolvedPath)', a page of the \(part.rawValue) part, which this site does not have (no \(part.content))"
        }
        guard let anchors = kind.anchors(page.key, in: index) else { return "link to unknown \(kind.name) '\(page.key)'" }
        guard let fragment = link.fragment, !fragment.isEmpty, !anchors.contains(fragment) else { return nil }
        guard let templates else { return nil }
        if shown[page] == nil {
            let value = PageRenderer.value(of: page, in: index)?.value
            shown[page] = templates.staticIDs(of: kind.name).filter { id in value.map { Self.shows(id, in: $0) } ?? true }.map(\.id)
        }
        let ids = shown[page] ?? []
        if ids.contains(fragment) { return nil }
        let name = kind is any SinglePageKind.Type ? "the \(kind.name) page" : "\(kind.name) '\(page.key)'"
        return "link to unknown \(anchors.noun) '#\(fragment)' of \(name) (it has \(anchors.listing)"
            + (ids.isEmpty ? ")" : "; the page also has \(PageAnchors(noun: "id", ids: Set(ids)).listing))")
    }

    /// Whether the page writes `id`: every section around it renders, judged by the page's values. A name the
    /// page's top-level values do not hold (one inside a list) counts as rendering.
    static func shows(_ id: TemplateScan.StaticID, in value: TemplateValue) -> Bool {
        var scopes = [value]
        for condition in id.sections {
            guard let found = scopes.reversed().lazy.compactMap({ lookUp(condition.name, in: $0) }).first else { continue }
            if isTruthy(found) == condition.inverted { return false }
            if case .map = found { scopes.append(found) }
        }
        return true
    }

    static func lookUp(_ name: String, in value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in name.split(separator: ".") {
            guard case .map(let map) = current, let next = map[String(part)] else { return nil }
            current = next
        }
        return current
    }

    static func isTruthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .null: return false
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }
}
