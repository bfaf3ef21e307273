/// A page of the site, named independently of where a link to it is written.
public enum SitePage: Sendable, Hashable {
    case home
    case article(String)
    case note(String)
    case topicIndex
    case topic(String)
    case territory
    case file(String)

    /// The page's file, relative to the output folder.
    public var path: String {
        switch self {
        case .home: return "index.html"
        case .article(let id): return "articles/\(id)/index.html"
        case .note(let slug): return "notes/\(slug)/index.html"
        case .topicIndex: return "topics/index.html"
        case .topic(let slug): return "topics/\(slug)/index.html"
        case .territory: return "territory/index.html"
        case .file(let path): return path
        }
    }

    /// The data files every site has, beside its pages.
    public static let dataFiles: [SitePage] = [.file("data/territory.csv"), .file("data/territory.json")]

    /// How many folders deep the page is, for relative links back to the root.
    public var depth: Int { path.split(separator: "/").count - 1 }
}

/// A link written in content that points into the site.
public struct SiteLink: Sendable, Hashable {
    public var page: SitePage?
    /// The path as resolved against the content folder, for messages when `page` is `nil`.
    public var resolvedPath: String
    public var fragment: String?

    /// Resolves `url` as written in a file of `content/<folder>/`. Returns `nil` for links that leave the site
    /// (a scheme, `//host`) or stay on the same page (`#x`). Editors write paths the way the content folder
    /// is laid out (`../articles/<id>/`, `../articles/<id>.txt`, `other-note.md`) or from the site's root
    /// (`/topics/kursk/`).
    public static func resolve(_ url: String, inFolder folder: String) -> SiteLink? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || hasScheme(url) { return nil }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var segments: [String] = rest.hasPrefix("/") ? [] : [folder]
        var escaped = false
        for part in rest.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if segments.popLast() == nil { escaped = true }
            default: segments.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        let resolved = escaped ? url : segments.joined(separator: "/")
        return SiteLink(page: escaped ? nil : page(for: segments), resolvedPath: resolved, fragment: fragment)
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            && !url[..<colon].contains("/")
    }

    static func page(for segments: [String]) -> SitePage? {
        var parts = segments
        if parts.last == "index.html" { parts.removeLast() }
        func stem(_ name: String, _ ext: String) -> String {
            name.hasSuffix(ext) ? String(name.dropLast(ext.count)) : name
        }
        switch parts.count {
        case 0: return .home
        case 1 where parts[0] == "topics": return .topicIndex
        case 1 where parts[0] == "territory": return .territory
        case 2 where parts[0] == "articles": return .article(stem(parts[1], ".txt"))
        case 2 where parts[0] == "notes":
            // A note's file (`Суджа і дрони.md`) links to the page its default slug names.
            return .note(parts[1].hasSuffix(".md") ? Slug.make(stem(parts[1], ".md")) : parts[1])
        case 2 where parts[0] == "topics": return .topic(parts[1])
        case 2 where ["data", "assets"].contains(parts[0]): return .file(parts.joined(separator: "/"))
        default: return nil
        }
    }
}

extension String {
    /// `../../` for a page `depth` folders below the root.
    static func rootPrefix(depth: Int) -> String { String(repeating: "../", count: depth) }
}
