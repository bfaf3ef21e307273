import Foundation

/// Note bodies in the cache's body store on disk, found by the note's path: a reused note's body is where the
/// notes cache file says, a body kept by this build is appended. Safe to use from several threads.
final class CachedBodies: NoteBodies, @unchecked Sendable {
    private var store: BodyStore
    private var refs: [String: BodyRef]
    private let lock = NSLock()

    /// Bytes of dropped bodies a store may hold beyond the live ones before it is compacted: a few edits
    /// never cost a copy of every body.
    static let slack = 16 << 20

    /// `refs` are where `store` holds the bodies of the notes the cache offers.
    init(store: BodyStore, refs: [String: BodyRef]) {
        self.store = store
        self.refs = refs
    }

    func keep(_ html: String, for path: String) throws {
        let ref = try lock.withLock { store }.append(html)
        lock.withLock { refs[path] = ref }
    }

    func body(of note: Note) throws(CacheDamaged) -> String {
        guard let (store, ref) = lock.withLock({ refs[note.path].map { (self.store, $0) } }) else {
            throw CacheDamaged(file: BodyStore.name)
        }
        return try store.read(ref, hash: note.bodyHash)
    }

    /// Where the body of the note at `path` is.
    func ref(for path: String) -> BodyRef? { lock.withLock { refs[path] } }

    /// When the store holds more bytes of bodies no note uses (of notes gone or edited since) than of live ones,
    /// plus `slack`, copies the bodies of `notes` into a new file, which then replaces the store. Not to be called
    /// while bodies are kept or read.
    func compact(keeping notes: some Collection<Note>, slack: Int = CachedBodies.slack) throws {
        let live = notes.reduce(0) { $0 + (ref(for: $1.path)?.length ?? 0) }
        let path = lock.withLock { store.path }
        guard lock.withLock({ store.size }) > 2 * live + slack else { return }
        // A file left by a build killed while compacting is not appended to; one left by a failure is removed.
        let newPath = path + ".new"
        unlink(newPath)
        var moved: [String: BodyRef] = [:]
        do {
            let compacted = try BodyStore(path: newPath)
            for note in notes { moved[note.path] = try compacted.append(body(of: note)) }
            guard rename(newPath, path) == 0 else { throw PublishError("cannot replace the cache file \(path)") }
        } catch {
            unlink(newPath)
            throw error
        }
        let reopened = try BodyStore(path: path)
        lock.withLock { (store, refs) = (reopened, moved) }
    }
}
