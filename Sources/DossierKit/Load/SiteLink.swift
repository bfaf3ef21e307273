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

    /// The page or file at `segments`; the page kinds know their routes (`PageKinds.page(route:)`).
    static func page(for segments: [String]) -> SitePage? {
        var parts = segments
        if parts.last == "index.html" { parts.removeLast() }
        if parts.count >= 2, PageKinds.fileFolders.contains(parts[0]) { return .file(parts.joined(separator: "/")) }
        // Data files at the root (`feed.xml`, `sitemap.xml`) are files too, written or not as the site's parts say.
        if parts.count == 1, PageKinds.dataFiles.contains(where: { $0.path == parts[0] }) { return .file(parts[0]) }
        return PageKinds.page(route: parts)
    }
}
