import Foundation

/// The cache folder of a site, `<site>/.dossier-cache/`: note entries and rendered bodies. Locked for the whole
/// build, so two builds of one site take turns instead of mixing their caches. Where the site cannot hold one, a
/// temporary folder serves for a single build.
final class BuildCache: @unchecked Sendable {
    let folder: String
    private(set) var bodies: BodyStore
    let notes: FileCache<Note>
    let articles: FileCache<Article>
    /// What the last successful build saw and made, if the cache records it.
    let lastBuild: LastBuild?
    /// Cache files found damaged and ignored.
    let damaged: [CacheDamaged]
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
            for file in ["notes", "articles", "bodies", "last-build"] { unlink(folder + "/" + file) }
        }
        // What each output tree held was kept here before it moved into the trees themselves.
        FileOps.removeTree(folder + "/trees")
        self.folder = folder
        self.temporary = temporary
        bodies = try BodyStore(path: folder + "/bodies")
        var damaged: [CacheDamaged] = []
        func load<Value>(_ name: String, _ format: String, _ key: KeyPath<Value, String>,
                         _ read: (inout BinaryReader) throws -> Value) -> FileCache<Value> {
            do { return try FileCache.load(from: folder + "/" + name, name: ".dossier-cache/" + name, format: format, key: key, read: read) } catch {
                damaged.append(error)
                return FileCache()
            }
        }
        // A note whose body lies beyond the end of the bodies file (a cache half deleted) is parsed again.
        let size = bodies.size
        notes = load("notes", CacheCoding.noteFormat, \.path, CacheCoding.readNote)
            .keeping { $0.body.offset <= size - $0.body.length }
        articles = load("articles", CacheCoding.articleFormat, \.path, CacheCoding.readArticle)
        do { lastBuild = try LastBuild.load(from: folder + "/last-build", name: ".dossier-cache/last-build") } catch {
            damaged.append(error)
            lastBuild = nil
        }
        self.damaged = damaged
    }

    deinit {
        if temporary { FileOps.removeTree(folder) }
    }

    func save(_ build: LastBuild) { build.save(to: folder + "/last-build") }

    func save(_ entries: [FileCache<Article>.Entry]) {
        if articles.holds(entries, key: \.path) { return }
        FileCache.save(entries, to: folder + "/articles", format: CacheCoding.articleFormat, write: CacheCoding.write)
    }

    /// Records the notes of this build; bodies of notes that are gone are dropped once they are most of the file.
    func save(_ entries: [FileCache<Note>.Entry]) throws -> [FileCache<Note>.Entry] {
        if notes.holds(entries, key: \.path) { return entries }
        var entries = entries
        let live = entries.reduce(0) { $0 + $1.value.body.length }
        if bodies.size > 2 * live + (16 << 20) {
            let compacted = try BodyStore(path: folder + "/bodies.new")
            for i in entries.indices {
                entries[i].value.body = try compacted.append(bodies.read(entries[i].value.body))
            }
            guard rename(folder + "/bodies.new", folder + "/bodies") == 0 else {
                throw PublishError("cannot replace the cache file \(folder)/bodies")
            }
            bodies = compacted
        }
        FileCache.save(entries, to: folder + "/notes", format: CacheCoding.noteFormat, write: CacheCoding.write)
        return entries
    }
}
