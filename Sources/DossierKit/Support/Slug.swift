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

    /// Why `slug` cannot name a folder inside the output, or `nil` when it can.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug == "." || slug == ".." || slug.contains("..") { return "would leave the output folder" }
        if slug.contains("/") || slug.contains("\\") { return "contains a path separator" }
        if slug.hasPrefix(".") { return "starts with a dot" }
        if slug.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) {
            return "contains spaces or control characters"
        }
        return nil
    }
}
