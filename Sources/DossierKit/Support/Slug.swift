/// URL path segments for notes, articles and topics.
public enum Slug {
    /// Lower-cases `text` and joins its runs of letters and digits with hyphens:
    /// "North Korean troops" → "north-korean-troops". Letters outside ASCII are kept.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isWordScalar || scalar == "_" {
                if pendingHyphen && !out.isEmpty { out.unicodeScalars.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "’" || scalar == "'" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// Why `slug` cannot name a folder inside the output that a link can reach, or `nil` when it can. A slug is
    /// letters, digits, `-`, `_`, `.` and `~`: anything else (`#`, `?`, `%`, spaces) a browser reads as part of
    /// the URL's syntax or decodes, so the page it names could never be linked to.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug == "." || slug == ".." || slug.contains("..") { return "would leave the output folder" }
        if slug.contains("/") || slug.contains("\\") { return "contains a path separator" }
        if slug.hasPrefix(".") { return "starts with a dot" }
        if let bad = slug.unicodeScalars.first(where: { !($0.isWordScalar || "-_.~".unicodeScalars.contains($0)) }) {
            let shown = bad.properties.generalCategory == .control || bad == " " ? "spaces or control characters" : "'\(bad)'"
            let suggestion = make(slug).isEmpty ? "" : " (try '\(make(slug))')"
            return "contains \(shown), which a link cannot reach as written; use letters, digits, '-', '_', '.' or '~'\(suggestion)"
        }
        return nil
    }
}
