import Foundation

/// Every file the site has, with its key, and how to make each one: pages from their values, data files from
/// their text, static files from `templates/assets/`. A page's value is not kept from its key to its rendering
/// (at 10,000 notes that would hold the whole site's values at once): it is made again, by the same function
/// from the same index, for the pages that are written.
struct OutputPlan: Sendable {
    enum Source: Sendable {
        case page(SitePage)
        case data(String)
        case asset(Data)
    }

    let renderer: PageRenderer
    let files: [(path: String, key: ContentHash)]
    private let sources: [String: Source]
    let pageCount: Int

    init(renderer: PageRenderer, assets: [String: Data]) {
        self.renderer = renderer
        let pages = Parallel.map(renderer.pages) { page -> (String, ContentHash, Source)? in
            guard let value = PageRenderer.value(of: page, in: renderer.index) else { return nil }
            return (page.path, renderer.key(of: page, value), .page(page))
        }.compactMap { $0 }
        let data = renderer.index.dataFiles.map { file -> (String, ContentHash, Source) in
            let text = file.text(renderer.index)
            return (file.path, ContentHash(PageCode.encode(.file(file.path))).combined(ContentHash(text)), .data(text))
        }
        let statics = assets.keys.sorted().map { path -> (String, ContentHash, Source) in
            let bytes = assets[path] ?? Data()
            return (path, bytes.withUnsafeBytes { ContentHash($0) }, .asset(bytes))
        }
        let all = pages + data + statics
        files = all.map { ($0.0, $0.1) }
        sources = Dictionary(all.map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
        pageCount = pages.count
    }

    /// One hash for the whole output: equal when every file would be the same.
    var hash: ContentHash { Publisher.hash(of: Dictionary(files.map { ($0.path, $0.key) }, uniquingKeysWith: { a, _ in a })) }

    func contents(of path: String) throws -> Data {
        switch sources[path] {
        case .page(let page):
            guard let value = PageRenderer.value(of: page, in: renderer.index) else { return Data() }
            return Data(try renderer.render(value).utf8)
        case .data(let text): return Data(text.utf8)
        case .asset(let bytes): return bytes
        case nil: return Data()
        }
    }

    /// The files of `templates/assets/`, as `assets/<name>`; each must be a regular file of the site.
    static func assets(in folder: URL, site siteFiles: SiteFiles, log: inout DiagnosticLog) -> [String: Data] {
        var assets: [String: Data] = [:]
        for (name, url) in SiteLoader.files(in: folder, ending: "") {
            if let data = siteFiles.data(at: url, path: "templates/assets/" + name, log: &log) { assets["assets/" + name] = data }
        }
        return assets
    }
}
