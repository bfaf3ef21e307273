/// Where a request's path leads in the site: a file path relative to the site (`notes/a/index.html`), or nothing
/// when the path could reach outside it. Each segment is decoded once; a segment that is `.` or `..`, or decodes to
/// one, or holds a slash, a backslash or a NUL, refuses the whole path, so no spelling climbs out of the site.
public enum ServePath {
    public static func resolve(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part.isEmpty {
                // `/notes/a/` ends with an empty segment; `//` inside a path is refused.
                guard i == parts.count - 1 else { return nil }
                continue
            }
            guard let segment = String(part).removingPercentEncoding, !segment.isEmpty, segment != ".", segment != "..",
                  !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) else { return nil }
            segments.append(segment)
        }
        if segments.isEmpty || rawPath.hasSuffix("/") { segments.append("index.html") }
        return segments.joined(separator: "/")
    }

    /// The media type of a file the site serves, by its extension.
    public static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        default: "application/octet-stream"
        }
    }
}
