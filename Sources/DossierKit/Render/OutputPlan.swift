import Foundation

/// Every file the site has, and how to make each one: pages from their values, data files from their text,
/// static files from `templates/assets/`. A page's value is made when the publisher asks for the page, once for
/// both its key and its text, and is not kept after it is written: at 10,000 notes, holding every value at once
/// would hold the whole site.
struct OutputPlan: Sendable {
    enum Source: Sendable {
        case page(SitePage)
        /// Made from the index when asked for, like a page.
        case dataFile(any DataFileKind.Type)
        case data(String)
        case asset(Data)
    }

    let renderer: PageRenderer
    /// Every file's path, pages first, in a fixed order.
    let paths: [String]
    private let sources: [String: Source]
    let pageCount: Int

    /// `generated`: data files made from more than the index (the search index, from the note bodies).
    init(renderer: PageRenderer, assets: [String: Data], generated: [(path: String, text: String)] = []) {
        self.renderer = renderer
        let pages = renderer.index.pages.map { ($0.path, Source.page($0)) }
        let data = renderer.index.dataFiles.map { ($0.path, Source.dataFile($0)) }
            + generated.map { ($0.path, Source.data($0.text)) }
        let statics = assets.keys.sorted().map { ($0, Source.asset(assets[$0] ?? Data())) }
        let all = pages + data + statics
        paths = all.map(\.0)
        sources = Dictionary(all, uniquingKeysWith: { a, _ in a })
        pageCount = pages.count
    }

    /// Whether the site has a file at `path`.
    func has(_ path: String) -> Bool { sources[path] != nil }

    /// The file at `path`: its key, made from exactly what it will hold, and its bytes.
    func file(at path: String) -> Publisher.File? {
        switch sources[path] {
        case .page(let page):
            guard let value = PageRenderer.value(of: page, in: renderer.index, live: renderer.live) else { return nil }
            let renderer = self.renderer
            return Publisher.File(key: renderer.key(of: page, value)) { Data(try renderer.render(value).utf8) }
        case .dataFile(let kind): return Self.data(kind.text(renderer.index), at: path)
        case .data(let text): return Self.data(text, at: path)
        case .asset(let bytes):
            return Publisher.File(key: bytes.withUnsafeBytes { ContentHash($0) }) { bytes }
        case nil: return nil
        }
    }

    private static func data(_ text: String, at path: String) -> Publisher.File {
        Publisher.File(key: ContentHash(PageCode.encode(.file(path))).combined(ContentHash(text))) { Data(text.utf8) }
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
