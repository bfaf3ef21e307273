import CSystem
import Foundation

/// Makes the output folder hold exactly the files of a build, without ever damaging the site already there or
/// touching a folder the build did not make.
///
/// A build is written into a tree beside the output and swapped in with one atomic exchange. The tree swapped
/// out is kept (`.NAME.prev`) so that the next build updates it in place, writing only files whose key changed,
/// instead of writing the whole site again. Every tree carries an `OutputMark` listing what it holds; a tree
/// being updated has an empty list, so a killed build can only leave behind a tree the next build does not trust.
/// A build that changes nothing leaves the output alone. The output is locked from `init` until the publisher is
/// released.
public final class Publisher: @unchecked Sendable {
    /// What changed in the published site: files added or changed, and files gone, compared with what the
    /// output held before this build.
    public struct Stats: Sendable { public var written = 0; public var removed = 0 }

    /// How a finished tree takes the output's place.
    public enum Swap: Sendable {
        /// One atomic exchange (Linux `renameat2` with `RENAME_EXCHANGE`), or `renames` where there is none.
        case exchange
        /// Two renames, the old site aside and the new one in. Chosen only to test that fallback.
        case renames
    }

    /// The output as given.
    public let output: URL
    let folder: OutputFolder
    private let swap: Swap
    private let lock: FileLock
    /// The output's mark when the build started; nil when it had none (a new or empty folder).
    private let live: OutputMark?
    /// Whether files already written may be kept: not when another dossier program wrote them, since it may have
    /// rendered the same values differently.
    private let reuse: Bool
    private lazy var liveTrusted: [String: OutputMark.Entry] = reuse ? live?.trusted(in: folder.path) ?? [:] : [:]
    private var folders: Set<String> = [""]
    private let foldersLock = NSLock()

    /// Locks the output, puts back a site that a killed build left aside, and refuses an output (or a tree beside
    /// it) that the build did not make, or that is, holds or lies inside the site's `inputs`.
    public init(output: URL, site: URL, inputs: [URL], swap: Swap = .exchange, reuse: Bool = true) throws {
        self.output = output
        self.swap = swap
        self.reuse = reuse
        folder = try OutputFolder(output: output, site: site, inputs: inputs)
        // Refused before the lock file is made, so that a refused folder's parent is left as it was; and checked
        // again under the lock, after a killed build's site is back.
        try Self.checkOurs(folder)
        lock = try FileLock(folder.lock)
        var info = stat()
        if lstat(folder.path, &info) != 0, let aside = folder.leftovers().first(where: { $0.old && OutputMark.read($0.path) != nil }) {
            // A build killed between the two renames of `Swap.renames`: the old site is the only one left.
            guard rename(aside.path, folder.path) == 0 else {
                throw PublishError("cannot move the site left in \(aside.path) back to \(folder.given)")
            }
        }
        try Self.checkOurs(folder)
        live = OutputMark.read(folder.path)
    }

    /// Throws unless the output and the previous tree beside it are the build's to replace.
    private static func checkOurs(_ folder: OutputFolder) throws {
        let unmarked = "was not made by dossier (it has no \(OutputMark.name) file)"
        guard OutputFolder.isOurs(folder.path) else {
            throw PublishError("cannot publish into \(folder.given): the folder is not empty and \(unmarked); publishing "
                + "replaces the whole folder, so name a new or empty one, or move this one's files away")
        }
        guard OutputFolder.isOurs(folder.previous) else {
            throw PublishError("cannot publish into \(folder.given): \(folder.previous), where the build keeps the "
                + "previous site, \(unmarked); move it away")
        }
    }

    /// The hash of what the output holds now, by its mark; nil when it has none or has lost a file it lists.
    func currentOutputHash() -> ContentHash? {
        guard reuse, let live, liveTrusted.count == live.files.count else { return nil }
        return Self.hash(of: live.files.mapValues(\.key))
    }

    static func hash(of files: [String: ContentHash]) -> ContentHash {
        files.keys.sorted().reduce(ContentHash("files")) { hash, path in
            hash.combined(ContentHash(path)).combined(files[path] ?? ContentHash(""))
        }
    }

    /// One file of a build: its key, and its bytes, made only when asked for.
    public struct File {
        public let key: ContentHash
        public let bytes: () throws -> Data
        public init(key: ContentHash, bytes: @escaping () throws -> Data) { self.key = key; self.bytes = bytes }
    }

    /// Makes the output hold exactly the files at `paths`, with the keys `file` gives, and returns what changed
    /// and every file's key. `file` is called once per path, from several threads, so that a page's value is
    /// made once for both its key and its text; its bytes are asked for only when the tree being written does not
    /// already hold that key. A path `file` has nothing for is left out.
    public func publish(_ paths: [String], file: @Sendable (String) -> File?) throws -> (stats: Stats, keys: [String: ContentHash]) {
        removeLeftovers()
        let (target, listed, trusted) = try prepareTree()
        do {
            // Files that go are removed first: a file may give way to a folder of the same name.
            let desired = Set(paths)
            for path in listed.keys.sorted() where !desired.contains(path) { remove(path, in: target) }
            // Each file is written by the thread that made it: creating files is mostly kernel time, and this
            // spreads it over every core too. A page is held only until it is written.
            // A file the tree lacks but the live site holds with the same key (every file of a new tree, the first
            // build after a cold one; in a reused tree, what changed in the build before this one) is taken as a
            // hard link instead of being made again: a link is a tenth of a write, and the page is not rendered.
            // No file is ever written through a link (`write` replaces a file, never rewrites it). Live files are
            // trusted as a reused tree's are, by their size: a hand edit in the output that keeps a file's size goes
            // unnoticed (README, "Speed and the build cache").
            let fresh = listed.isEmpty
            let linkable = liveTrusted  // read once, here: a lazy property is not for several threads to fill
            let made = try Parallel.map(paths) { path -> (String, OutputMark.Entry)? in
                guard let file = file(path) else { return nil }
                if let held = trusted[path], held.key == file.key { return (path, held) }
                if let live = linkable[path], live.key == file.key, link(live: path, into: target, replacing: !fresh) {
                    return (path, live)
                }
                return (path, OutputMark.Entry(key: file.key, size: try write(try file.bytes(), to: path, in: target, replacing: !fresh)))
            }
            var mark = OutputMark()
            for case let (path, entry)? in made { mark.files[path] = entry }
            for path in desired where mark.files[path] == nil && listed[path] != nil { remove(path, in: target) }
            try mark.write(to: target)

            let keys = mark.files.mapValues(\.key)
            let stats = Stats(written: keys.filter { liveTrusted[$0.key]?.key != $0.value }.count,
                              removed: liveTrusted.keys.filter { keys[$0] == nil }.count)
            if stats.written == 0, stats.removed == 0, liveTrusted.count == live?.files.count {
                // The output already holds this build: it is left alone, and the tree, as complete, is kept for
                // the next build to update.
                keepAsPrevious(target)
            } else {
                try swapIn(target)
            }
            return (stats, keys)
        } catch {
            if target != folder.previous { OutputFolder.discard(target) }
            throw error
        }
    }

    private func remove(_ path: String, in tree: String) {
        unlink(tree + "/" + path)
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(tree + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
    }

    /// Removes the trees killed builds left beside the output, but never one of a process still running, nor
    /// one the build did not make. Every build does it, one with nothing to publish too.
    func removeLeftovers() {
        for tree in folder.leftovers() where tree.pid == getpid() || !isRunning(tree.pid) {
            OutputFolder.discard(tree.path)
        }
    }

    private func isRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// The tree to write into, with what it lists and what of that it still holds: the previous tree when it
    /// lists something, emptied of its list first; else a new staging tree.
    private func prepareTree() throws -> (String, listed: [String: OutputMark.Entry], trusted: [String: OutputMark.Entry]) {
        if reuse, let mark = OutputMark.read(folder.previous), !mark.files.isEmpty {
            let trusted = mark.trusted(in: folder.previous)
            try OutputMark().write(to: folder.previous)
            return (folder.previous, mark.files, trusted)
        }
        OutputFolder.discard(folder.previous)
        let staging = folder.staging(getpid())
        OutputFolder.discard(staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw PublishError("cannot create the folder \(staging): \(String(cString: strerror(errno)))")
        }
        do { try OutputMark().write(to: staging) } catch { rmdir(staging); throw error }
        return (staging, [:], [:])
    }

    /// Puts `tree` in the output's place; the tree it replaces becomes the one the next build reuses.
    private func swapIn(_ tree: String) throws {
        let output = folder.path
        var info = stat()
        guard lstat(output, &info) == 0 else {
            guard rename(tree, output) == 0 else { throw PublishError("cannot move the site into \(folder.given)") }
            return
        }
        if swap == .exchange, dossier_exchange_paths(tree, output) == 0 {
            keepAsPrevious(tree)
            return
        }
        // No atomic exchange: move the old site aside first, so that it is never half replaced. A build killed
        // between the two renames leaves it in `old`, marked; the next build puts it back before anything else.
        let aside = folder.old(getpid())
        guard rename(output, aside) == 0 else { throw PublishError("cannot move \(folder.given) aside") }
        guard rename(tree, output) == 0 else {
            rename(aside, output)
            throw PublishError("cannot move the site into \(folder.given)")
        }
        keepAsPrevious(aside)
    }

    /// Makes `tree`, just swapped out of the output, the previous tree; one without a mark was an empty folder.
    private func keepAsPrevious(_ tree: String) {
        guard tree != folder.previous else { return }
        guard OutputMark.read(tree) != nil else { rmdir(tree); return }
        OutputFolder.discard(folder.previous)
        rename(tree, folder.previous)
    }

    /// Links the live site's file at `path` into `tree`, in place of any file there (`replacing`, in a reused
    /// tree); false when the file system will not (the file is then written).
    private func link(live path: String, into tree: String, replacing: Bool) -> Bool {
        guard (try? makeParents(of: path, in: tree)) != nil else { return false }
        if replacing { unlink(tree + "/" + path) }
        return Glibc.link(folder.path + "/" + path, tree + "/" + path) == 0
    }

    /// Writes `data` as a new file at `path` in `tree`. In a tree being reused, a file already there is removed
    /// first, never truncated: it may be a hard link to the live site's copy.
    private func write(_ data: Data, to path: String, in tree: String, replacing: Bool) throws -> Int {
        try makeParents(of: path, in: tree)
        if replacing { unlink(tree + "/" + path) }
        try data.withUnsafeBytes { try FileOps.write(tree + "/" + path, $0) }
        return data.count
    }

    private func makeParents(of path: String, in tree: String) throws {
        var missing: [String] = []
        var parent = Substring(path)
        while let slash = parent.lastIndex(of: "/") {
            parent = parent[..<slash]
            let key = tree + "/" + parent
            if foldersLock.withLock({ folders.contains(key) }) { break }
            missing.append(key)
        }
        for key in missing.reversed() {
            try FileOps.makeFolder(key)
            _ = foldersLock.withLock { folders.insert(key) }
        }
    }
}

public struct PublishError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    /// The operating system's words for a file error ("No space left on device").
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileWriteFileExists.rawValue {
            return "a file is in the way"
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return underlying.code == Int(EEXIST) ? "a file is in the way" : String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
