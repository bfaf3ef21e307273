import Foundation

/// Rendered note bodies: kept as notes load, read back when their pages are rendered, so that a build never
/// holds every body in memory at once (the disk store), or does (a build from memory: tests, `serve`).
protocol NoteBodies: AnyObject, Sendable {
    /// Keeps the body rendered for the note at `path` (called from several threads).
    func keep(_ html: String, for path: String) throws
    /// The body kept for `note`; throws `CacheDamaged` when what is read is not the body `note.bodyHash` names.
    func body(of note: Note) throws(CacheDamaged) -> String
}

/// Note bodies held in memory, for builds that keep nothing on disk. Safe to use from several threads.
final class MemoryBodies: NoteBodies, @unchecked Sendable {
    private var bodies: [String: String] = [:]
    private let lock = NSLock()

    init() {}

    func keep(_ html: String, for path: String) {
        lock.withLock { bodies[path] = html }
    }

    func body(of note: Note) throws(CacheDamaged) -> String {
        // A note this store never kept (one reused from a layer that holds its body elsewhere) has no body here.
        guard let html = lock.withLock({ bodies[note.path] }), ContentHash(html) == note.bodyHash else {
            throw CacheDamaged(file: Self.name)
        }
        return html
    }

    /// What a missing body is reported as.
    static let name = "note bodies in memory"
}

/// The bodies `dossier serve` renders from: those of the notes loaded when it started, read from the site's cache
/// (which it no longer writes), and those of notes parsed since, in memory. Those are found by their hash, not by
/// their note's path: after a failed rebuild the last good snapshot is still served, and its notes' bodies must
/// stay readable whatever the failed load parsed or left out. Safe to use from several threads.
final class SessionBodies: NoteBodies, @unchecked Sendable {
    private var base: (any NoteBodies)?
    private var kept: [ContentHash: String] = [:]
    private var lastUsed: Set<ContentHash> = []
    private let lock = NSLock()

    init() {}

    /// Where the bodies of the notes first loaded are read from.
    func readFirstLoad(from base: any NoteBodies) { lock.withLock { self.base = base } }

    func keep(_ html: String, for path: String) {
        let hash = ContentHash(html)
        lock.withLock { kept[hash] = html }
    }

    func body(of note: Note) throws(CacheDamaged) -> String {
        let (html, base) = lock.withLock { (kept[note.bodyHash], self.base) }
        if let html { return html }
        guard let base else { throw CacheDamaged(file: MemoryBodies.name) }
        return try base.body(of: note)
    }

    /// Drops the bodies kept that neither `notes` (those of the snapshot about to be served) nor the notes last
    /// given here have: the snapshot served until now may still be rendering a page.
    func keepOnly(_ notes: some Sequence<Note>) {
        let used = Set(notes.map(\.bodyHash))
        lock.withLock {
            kept = kept.filter { used.contains($0.key) || lastUsed.contains($0.key) }
            lastUsed = used
        }
    }
}

/// Bodies nobody will read: a check renders no page.
final class DiscardedBodies: NoteBodies {
    func keep(_ html: String, for path: String) {}

    func body(of note: Note) throws(CacheDamaged) -> String { throw CacheDamaged(file: MemoryBodies.name) }
}
