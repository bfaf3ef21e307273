/// Which optional parts a site has, and its navigation: from `site.yml` where it says, from the content and
/// the page kinds where it does not.
enum SiteSections {
    /// A part is on when its content exists, unless `site.yml`'s `parts` switches it.
    static func parts(_ config: SiteConfig, content: SiteContent, log: inout DiagnosticLog) -> Set<SitePart> {
        var on = Set<SitePart>()
        for (name, value) in config.parts.sorted(by: { $0.key < $1.key }) where SitePart(rawValue: name) == nil {
            var message = "unknown part '\(name)'; the parts are " + SitePart.allCases.map(\.rawValue).joined(separator: ", ")
            if let near = Suggest.closest(to: name, among: SitePart.allCases.map(\.rawValue)) { message += "; did you mean '\(near)'?" }
            log.error(SiteConfig.path, line: value.line, column: value.column, message)
        }
        for part in SitePart.allCases {
            let present = part.isPresent(in: content)
            guard let switched = config.parts[part.rawValue] else {
                if present { on.insert(part) }
                continue
            }
            if switched.value && !present {
                log.error(SiteConfig.path, line: switched.line, column: switched.column,
                          "part '\(part.rawValue)' is switched on, but \(part.content) does not exist")
            }
            if switched.value { on.insert(part) }
        }
        // Said to a site with a site.yml to add base_url to, unless it switched the part off on purpose.
        if content.hasConfigFile, !on.contains(.feed), config.parts[SitePart.feed.rawValue] == nil {
            log.warning(SiteConfig.path, FeedPart.noBaseURL)
        }
        return on
    }

    /// The sections of the navigation, in `site.yml`'s order, or every section kind's in `PageKinds.all` order.
    static func navigation(_ config: SiteConfig, parts: Set<SitePart>, log: inout DiagnosticLog) -> [NavSection] {
        var available: [(name: String, label: String, part: SitePart?)] = []
        for kind in PageKinds.all {
            if let label = kind.section { available.append((kind.name, label, kind.part)) }
        }
        func section(_ name: String, label: String) -> NavSection {
            let page = SitePage(kind: name, key: "")
            return NavSection(label: label, page: page, path: page.path)
        }
        guard let entries = config.nav else {
            return available.filter { $0.part.map(parts.contains) ?? true }.map { section($0.name, label: $0.label) }
        }
        let names = available.map(\.name)
        var sections: [NavSection] = []
        for entry in entries {
            guard let found = available.first(where: { $0.name == entry.section }) else {
                var message = "unknown section '\(entry.section)' in nav; the sections are " + names.joined(separator: ", ")
                if let near = Suggest.closest(to: entry.section, among: names) { message += "; did you mean '\(near)'?" }
                log.error(SiteConfig.path, line: entry.line, column: entry.column, message)
                continue
            }
            // A section listed twice is already an error of `SiteConfigLoader`.
            if let part = found.part, !parts.contains(part) {
                log.warning(SiteConfig.path, line: entry.line, column: entry.column,
                            "section '\(found.name)' is left out of nav: the site has no \(part.rawValue) part (\(part.content) does not exist)")
            } else {
                sections.append(section(found.name, label: entry.label ?? found.label))
            }
        }
        return sections
    }
}

/// A section of the navigation: a label, and the page it links to (its path worked out once, not per page).
struct NavSection: Sendable {
    var label: String
    var page: SitePage
    var path: String
}

