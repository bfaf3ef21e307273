/// Pages written as text in the cache and to the Markdown workers: `<kind>:<key>` (`note:kursk`, `home:`,
/// `file:data/territory.csv`); every kind in `PageKinds.all` has a code without being listed here.
enum PageCode {
    static func encode(_ page: SitePage) -> String { page.kind + ":" + page.key }

    static func decode(_ code: String) -> SitePage? {
        guard let colon = code.firstIndex(of: ":") else { return nil }
        let kind = String(code[..<colon])
        guard kind == PageKinds.file || PageKinds.kind(named: kind) != nil else { return nil }
        return SitePage(kind: kind, key: String(code[code.index(after: colon)...]))
    }
}

/// A link's target, as the cache and the Markdown workers write it: its page by `PageCode`, its path and
/// fragment. At least 10 bytes.
extension BinaryWriter {
    mutating func siteLink(_ link: SiteLink) {
        optionalString(link.page.map(PageCode.encode)); string(link.resolvedPath); optionalString(link.fragment)
    }
}

extension BinaryReader {
    mutating func siteLink() throws -> SiteLink {
        let page = try optionalString().map { code -> SitePage in
            guard let page = PageCode.decode(code) else { throw Corrupt() }
            return page
        }
        return SiteLink(page: page, resolvedPath: try string(), fragment: try optionalString())
    }
}
