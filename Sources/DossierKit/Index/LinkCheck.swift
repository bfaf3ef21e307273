/// Checks that a link written in content points at a page (and paragraph) that the build will write.
enum LinkCheck {
    static let territoryAnchors: Set<String> = ["series", "quoted", "data"]

    /// `files`: the data and asset files the build writes (`data/territory.csv`, `assets/style.css`, …).
    static func problem(_ link: SiteLink, articles: [String: Int], notes: [String: Set<String>], topics: Set<String>,
                        files: Set<String>) -> String? {
        guard let page = link.page else {
            return link.resolvedPath.hasPrefix("..") ? "link to '\(link.resolvedPath)' leaves the site"
                                                     : "link to '\(link.resolvedPath)', which is not a page of this site"
        }
        switch page {
        case .article(let id):
            guard let paragraphs = articles[id] else { return "link to unknown article '\(id)'" }
            if let fragment = link.fragment, !fragment.isEmpty {
                guard fragment.hasPrefix("p"), let n = Int(fragment.dropFirst()), (1...max(paragraphs, 1)).contains(n),
                      paragraphs > 0
                else { return "link to unknown paragraph '#\(fragment)' of article '\(id)' (it has #p1 to #p\(paragraphs))" }
            }
        case .note(let slug):
            guard let anchors = notes[slug] else { return "link to unknown note '\(slug)'" }
            if let fragment = link.fragment, !fragment.isEmpty, !anchors.contains(fragment) {
                return "link to unknown heading '#\(fragment)' of note '\(slug)'"
                    + (anchors.isEmpty ? " (it has no headings)" : " (it has #\(anchors.sorted().joined(separator: ", #")))")
            }
        case .territory:
            if let fragment = link.fragment, !fragment.isEmpty, !territoryAnchors.contains(fragment) {
                return "link to unknown section '#\(fragment)' of the territory page (it has #"
                    + territoryAnchors.sorted().joined(separator: ", #") + ")"
            }
        case .topic(let slug) where !topics.contains(slug): return "link to unknown topic '\(slug)'"
        case .file(let path) where !files.contains(path):
            return "link to '\(path)', which the build does not write"
        default: break
        }
        return nil
    }
}
