import Foundation

/// The cache folder of a site, `<site>/.dossier-cache/`: note entries, rendered bodies, and what each output
/// tree holds. Locked for the whole build, so two builds of one site take turns instead of mixing their
/// caches. Where the site cannot hold one, a temporary folder serves for a single build.
final class BuildCache: @unchecked Sendable {
    let folder: String
    private(set) var bodies: BodyStore
    let notes: NoteCache
    let articles: ArticleCache
    private let lockFD: Int32
    private let temporary: Bool

    init(site: URL) throws {
        var folder = site.appendingPathComponent(".dossier-cache").path
        var temporary = false
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            folder = NSTemporaryDirectory() + "dossier-cache-\(getpid())"
            temporary = true
            try FileOps.makeFolder(folder)
        }
        try FileOps.makeFolder(folder + "/trees")
        lockFD = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if lockFD >= 0 { flock(lockFD, LOCK_EX) }
        self.folder = folder
        self.temporary = temporary
        bodies = try BodyStore(path: folder + "/bodies")
        notes = NoteCache.load(from: folder + "/notes")
        articles = ArticleCache.load(from: folder + "/articles")
    }

    deinit {
        if lockFD >= 0 { flock(lockFD, LOCK_UN); close(lockFD) }
        if temporary { FileOps.removeTree(folder) }
    }

    var lastBuild: LastBuild? { LastBuild.load(from: folder + "/last-build") }
    func save(_ build: LastBuild) { build.save(to: folder + "/last-build") }

    func save(_ entries: [ArticleCache.Entry]) {
        ArticleCache.save(entries, to: folder + "/articles")
    }

    /// Records the notes of this build; bodies of notes that are gone are dropped once they are most of the file.
    func save(_ entries: [NoteCache.Entry]) throws -> [NoteCache.Entry] {
        var entries = entries
        let live = entries.reduce(0) { $0 + $1.note.body.length }
        if bodies.size > 2 * live + (16 << 20) {
            let compacted = try BodyStore(path: folder + "/bodies.new")
            for i in entries.indices {
                entries[i].note.body = try compacted.append(bodies.read(entries[i].note.body))
            }
            guard rename(folder + "/bodies.new", folder + "/bodies") == 0 else {
                throw PublishError("cannot replace the cache file \(folder)/bodies")
            }
            bodies = compacted
        }
        NoteCache.save(entries, to: folder + "/notes")
        return entries
    }
}
