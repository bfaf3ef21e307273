import Foundation

/// The cache folder of a site, `<site>/.dossier-cache/`: what earlier builds made from each content file, offered
/// to the loader for reuse, and the rendered bodies of notes. Locked for the whole build, so two builds of one site
/// take turns instead of mixing their caches. Where the site cannot hold one, a temporary folder serves for a
/// single build.
final class BuildCache: ContentReuse, @unchecked Sendable {
    let folder: String
    /// The bodies of the notes the cache offers, and of those the build keeps.
    let bodies: CachedBodies
    private let entries: CachedEntries
    /// What the last build's search index took from each body: read when first asked for, so that a build with
    /// nothing to do does not decode it.
    private(set) lazy var searchTerms: SearchTermCache = {
        let name = SearchTermCache.fileName
        do throws(CacheDamaged) { return try SearchTermCache.load(from: folder + "/" + name, name: ".dossier-cache/" + name) } catch {
            damaged.append(error)
            return SearchTermCache()
        }
    }()
    /// The area figures the last build found in each article's text: read when first asked for, like the terms.
    private(set) lazy var areaFigures: [ContentHash: [AreaFigure]] = {
        let name = AreaFigureCache.fileName
        do throws(CacheDamaged) { return try AreaFigureCache.load(from: folder + "/" + name, name: ".dossier-cache/" + name) } catch {
            damaged.append(error)
            return [:]
        }
    }()
    /// What the last successful build saw and made, if the cache records it.
    let lastBuild: LastBuild?
    /// Cache files found damaged and ignored (the search terms' once they are read).
    private(set) var damaged: [CacheDamaged]
    private let lock: FileLock
    private let temporary: Bool

    /// Opens and locks the cache of `site`. With `discard`, what it holds is dropped first (after a damaged
    /// body was found during a build).
    init(site: URL, discard: Bool = false) throws {
        var folder = site.appendingPathComponent(".dossier-cache").path
        var temporary = false
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            folder = NSTemporaryDirectory() + "dossier-cache-\(getpid())"
            temporary = true
            try FileOps.makeFolder(folder)
        }
        lock = try FileLock(folder + "/lock")
        if discard {
            for file in ["notes", "articles", "bodies", "last-build", SearchTermCache.fileName, AreaFigureCache.fileName] { unlink(folder + "/" + file) }
        }
        // What each output tree held was kept here before it moved into the trees themselves.
        FileOps.removeTree(folder + "/trees")
        self.folder = folder
        self.temporary = temporary
        let store = try BodyStore(path: folder + "/bodies")
        var damaged: [CacheDamaged] = []
        entries = CachedEntries(folder: folder, bodyStoreSize: store.size, damaged: &damaged)
        bodies = CachedBodies(store: store, refs: entries.notes.entries.mapValues(\.value.body))
        do { lastBuild = try LastBuild.load(from: folder + "/last-build", name: ".dossier-cache/last-build") } catch {
            damaged.append(error)
            lastBuild = nil
        }
        self.damaged = damaged
    }

    deinit {
        if temporary { FileOps.removeTree(folder) }
    }

    func article(at path: String, hash: ContentHash) -> LoadedFile<Article>? { entries.article(at: path, hash: hash) }

    func note(at path: String, hash: ContentHash) -> LoadedFile<Note>? { entries.note(at: path, hash: hash) }

    func mayReuseNote(at path: String) -> Bool { entries.mayReuseNote(at: path) }

    func save(_ build: LastBuild) { build.save(to: folder + "/last-build") }

    /// Records the body terms a build's search index used, for the next build, and empties `used`; the file is
    /// left alone when it holds exactly these already.
    func remember(searchTerms used: inout [ContentHash: BodyTerms]) {
        if searchTerms.holdsSame(as: used) { used = [:]; return }
        SearchTermCache.save(taking: &used, to: folder + "/" + SearchTermCache.fileName)
    }

    /// Records the area figures a build's index used, for the next build; the file is left alone when it holds
    /// exactly these already.
    func remember(areaFigures used: [ContentHash: [AreaFigure]]) {
        let path = folder + "/" + AreaFigureCache.fileName
        if used.count == areaFigures.count && used.keys.allSatisfy({ areaFigures[$0] != nil }) && access(path, F_OK) == 0 { return }
        AreaFigureCache.save(used, to: path)
    }

    /// Records the files a build loaded, for the next build to reuse; files that hold exactly these already are
    /// left alone. Bodies of notes that are gone are dropped once they are most of the body store (see
    /// `CachedBodies.compact`), so bodies are read through `bodies` only after this.
    func remember(articles loadedArticles: [LoadedFile<Article>], notes loadedNotes: [LoadedFile<Note>],
                  slack: Int = CachedBodies.slack) throws {
        if !entries.articles.holds(loadedArticles, path: \.path) {
            FileCache<Article>.save(loadedArticles, to: folder + "/articles", format: CacheCoding.articleFormat, write: CacheCoding.write)
        }
        if entries.notes.holds(loadedNotes, path: \.path) { return }
        try bodies.compact(keeping: loadedNotes.lazy.map(\.value), slack: slack)
        try FileCache<StoredNote>.save(loadedNotes, to: folder + "/notes", format: CacheCoding.noteFormat) { note, writer in
            // Every note loaded was either offered with its body or had its body kept.
            guard let body = bodies.ref(for: note.path) else { throw CacheDamaged(file: BodyStore.name) }
            CacheCoding.write(note, body: body, to: &writer)
        }
    }
}
