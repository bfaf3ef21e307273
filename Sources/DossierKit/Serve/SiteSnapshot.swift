import Foundation

/// One good build of `dossier serve`, immutable: the files the site has and how to make each, rendered when a
/// browser asks for it. The server swaps in a new snapshot only when a rebuild succeeds, so it never serves a
/// half-made site.
public struct SiteSnapshot: Sendable {
    let plan: OutputPlan
    /// Warnings of the build, compiler style.
    public let warnings: [Diagnostic]
    /// Seconds each stage of the rebuild took.
    public let timings: [(stage: String, seconds: Double)]
    let search: SearchFiles

    public var notes: Int { plan.renderer.index.notes.count }
    public var drafts: Int { plan.renderer.index.notes.count { $0.isDraft } }
    public var articles: Int { plan.renderer.index.articles.count }
    public var pages: Int { plan.pageCount }

    /// Whether the site has a file at `path` (relative, `notes/a/index.html`).
    public func has(_ path: String) -> Bool { plan.has(path) || SearchFiles.holds(path) && search.has(path, of: plan.renderer.index) }

    /// The bytes of the file at `path`, rendered now; `nil` when the site has no such file. Throws a diagnostic
    /// when the page cannot be rendered (a template that fails on this page's values, a damaged cache).
    public func bytes(at path: String) throws(SnapshotError) -> Data? {
        if !plan.has(path) {
            guard SearchFiles.holds(path) else { return nil }
            do { return try search.file(path, of: plan.renderer.index).map { Data($0.utf8) } } catch {
                throw SnapshotError(diagnostic: Diagnostic(.error, SearchIndex.folder, "cannot make the search index: \(error)"))
            }
        }
        guard let file = plan.file(at: path) else { return nil }
        do { return try file.bytes() } catch let failed as RenderFailed {
            throw SnapshotError(diagnostic: failed.diagnostic)
        } catch {
            throw SnapshotError(diagnostic: Diagnostic(.error, path, "cannot render the page: \(error)"))
        }
    }
}

/// Why a file of a snapshot could not be made.
public struct SnapshotError: Error, Sendable {
    public let diagnostic: Diagnostic
}

/// The search index of one snapshot, made the first time a file of it is asked for (most saves are never
/// followed by a search), then kept with the snapshot.
final class SearchFiles: @unchecked Sendable {
    private weak var session: SiteSession?
    private var files: [String: String]?
    private let lock = NSLock()

    init(session: SiteSession) { self.session = session }

    /// Whether `path` lies in the search index's folder.
    static func holds(_ path: String) -> Bool { path.hasPrefix(SearchIndex.folder + "/") }

    func has(_ path: String, of index: SiteIndex) -> Bool { ((try? file(path, of: index)) ?? nil) != nil }

    func file(_ path: String, of index: SiteIndex) throws -> String? {
        try lock.withLock {
            if files == nil { files = try session?.searchFiles(of: index) ?? [:] }
            return files?[path]
        }
    }
}
