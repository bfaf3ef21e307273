/// What a page may link to or load, whatever cmark lets through: no script URLs in any spelling, no `data:`,
/// and no images from other hosts (a page loads nothing from elsewhere).
enum URLPolicy {
    static let forbiddenSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// `""` to drop the destination, `nil` to keep it.
    static func replacement(for link: Markdown.Link) -> String? {
        if isForbidden(link.url) { return "" }
        if link.isImage && isRemote(link.url) { return "" }
        return nil
    }

    /// Lower-cased, with the spaces and control characters browsers ignore inside a scheme removed.
    static func normalizedScheme(_ url: String) -> String {
        var bytes: [UInt8] = []
        for byte in url.utf8 where byte > 0x20 && byte != 0x7F {
            bytes.append(byte.asciiLowercased)
            if bytes.count == 16 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isForbidden(_ url: String) -> Bool {
        let normalized = normalizedScheme(url)
        return forbiddenSchemes.contains { normalized.hasPrefix($0) }
    }

    static func isRemote(_ url: String) -> Bool {
        let normalized = normalizedScheme(url)
        return normalized.hasPrefix("//") || normalized.hasPrefix("\\\\") || SiteLink.hasScheme(url)
    }
}
