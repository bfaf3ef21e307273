/// Absolute addresses of the site's files, for what is read away from the site (the feed, the sitemap, canonical
/// links): the base URL and the file's path, percent-encoded, with a folder's `index.html` left off.
enum SiteURL {
    /// The address of `path` (relative to the output folder) under `base`, which ends with "/".
    static func absolute(_ path: String, base: String) -> String {
        var path = path
        if path == "index.html" {
            path = ""
        } else if path.hasSuffix("/index.html") {
            path.removeLast("index.html".count)
        }
        return base + percentEncoded(path)
    }

    /// `page`'s address, or `nil` when the site has no base URL.
    static func of(_ page: SitePage, in site: SiteIndex) -> String? {
        site.config.baseURL.map { absolute(page.path, base: $0) }
    }

    /// Every byte outside RFC 3986's unreserved characters and "/" as `%XX`: slugs may hold letters outside
    /// ASCII, which a sitemap must not carry raw.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
