import Foundation

/// Every file the site has, with its key, and how to make each one: pages from the renderer, static files from
/// `templates/assets/`.
struct OutputPlan: Sendable {
    let renderer: PageRenderer
    let assets: [String: Data]
    let files: [(path: String, key: ContentHash)]
    private let pages: [String: SitePage]
    let pageCount: Int

    init(renderer: PageRenderer, assets: [String: Data], templates: Templates) {
        self.renderer = renderer
        self.assets = assets
        let fingerprint = templates.fingerprint
        let all = renderer.pages
        let pageKeys = Parallel.map(all) { page in (page.path, renderer.key(page, templates: fingerprint)) }
        files = pageKeys + assets.keys.sorted().map { path in (path, assets[path].map { $0.withUnsafeBytes { ContentHash($0) } } ?? ContentHash("")) }
        pages = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        pageCount = all.filter { $0.path.hasSuffix(".html") }.count
    }

    /// One hash for the whole output: equal when every file would be the same.
    var hash: ContentHash { Publisher.hash(of: Dictionary(files.map { ($0.path, $0.key) }, uniquingKeysWith: { a, _ in a })) }

    func contents(of path: String) throws(CacheDamaged) -> Data {
        if let page = pages[path] { return Data(try renderer.render(page).utf8) }
        return assets[path] ?? Data()
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
