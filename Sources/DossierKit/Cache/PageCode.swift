/// Pages written as text in the cache: `article:<id>`, `note:<slug>`, `file:<path>`, `home`…
enum PageCode {
    static func encode(_ page: SitePage) -> String {
        switch page {
        case .home: return "home"
        case .topicIndex: return "topics"
        case .territory: return "territory"
        case .article(let id): return "article:" + id
        case .note(let slug): return "note:" + slug
        case .topic(let slug): return "topic:" + slug
        case .file(let path): return "file:" + path
        }
    }

    static func decode(_ code: String) -> SitePage? {
        switch code {
        case "home": return .home
        case "topics": return .topicIndex
        case "territory": return .territory
        default:
            guard let colon = code.firstIndex(of: ":") else { return nil }
            let value = String(code[code.index(after: colon)...])
            switch code[..<colon] {
            case "article": return .article(value)
            case "note": return .note(value)
            case "topic": return .topic(value)
            case "file": return .file(value)
            default: return nil
            }
        }
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
