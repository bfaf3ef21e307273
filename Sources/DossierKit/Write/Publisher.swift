import CSwap
import Foundation

/// Makes the output folder hold exactly the files of a build, without ever damaging the site already there.
///
/// A build is written into a tree beside the output and swapped in with one atomic exchange. The tree swapped
/// out is kept (`.public.prev`) with a manifest of what each file holds, so that the next build updates it in
/// place, writing only files whose key changed, instead of writing the whole site again. A build that changes
/// nothing leaves the output alone. A tree being updated loses its manifest first, so a killed build can only
/// leave behind a tree that the next build does not trust.
public final class Publisher: @unchecked Sendable {
    public struct Stats: Sendable { public var written = 0; public var removed = 0 }

    public let output: URL
    let parent: String
    let name: String
    let manifests: String
    private var folders: Set<String> = [""]
    private let lock = NSLock()

    /// Checks the output path and removes what killed builds left behind.
    public init(output: URL, manifests: String) throws {
        self.output = output.standardizedFileURL
        self.manifests = manifests
        parent = self.output.deletingLastPathComponent().path
        name = self.output.lastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw PublishError("output path \(self.output.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError("cannot create the folder \(parent) for the output: \(PublishError.reason(error))")
        }
        guard access(parent, W_OK) == 0 else { throw PublishError("cannot write to \(parent): permission denied") }
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            removeTree(parent + "/" + leftover)
        }
    }

    var previous: String { parent + "/.\(name).prev" }

    /// The hash of what the output holds now, by its manifest; `nil` when it has none.
    func currentOutputHash() -> ContentHash? {
        exists(output.path) ? readManifest(output.path).map(Self.hash) : nil
    }

    static func hash(of files: [String: ContentHash]) -> ContentHash {
        files.keys.sorted().reduce(ContentHash("files")) { hash, path in
            hash.combined(ContentHash(path)).combined(files[path] ?? ContentHash(""))
        }
    }

    /// Makes the output hold exactly `files`. `render` is asked only for files whose key differs from what the
    /// reused tree holds; it is called from several threads.
    public func publish(_ files: [(path: String, key: ContentHash)], render: @Sendable (String) throws -> Data) throws -> Stats {
        var stats = Stats()
        let desired = Dictionary(files.map { ($0.path, $0.key) }, uniquingKeysWith: { a, _ in a })
        if exists(output.path), readManifest(output.path) == desired { return stats }
        var target = previous
        var base: [String: ContentHash] = [:]
        if exists(previous), let manifest = readManifest(previous) {
            base = manifest
            dropManifest(previous)
        } else {
            removeTree(previous)
            target = parent + "/.\(name).staging-\(getpid())"
            removeTree(target)
            try FileOps.makeFolder(target)
        }

        do {
            // Each page is written by the thread that rendered it: creating files is mostly kernel time, and
            // this spreads it over every core too. A page is held only until it is written.
            let changed = files.filter { base[$0.path] != $0.key }.map(\.path)
            _ = try Parallel.map(changed) { path in try write(try render(path), to: path, in: target) }
            stats.written = changed.count
            for path in base.keys.sorted() where desired[path] == nil {
                unlink(target + "/" + path)
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, rmdir(target + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
                stats.removed += 1
            }
            try writeManifest(target, desired)
            try swapIn(target)
        } catch {
            if target != previous { removeTree(target) }
            throw error
        }
        return stats
    }

    /// Puts `tree` in the output's place; the tree it replaces becomes the one the next build reuses.
    private func swapIn(_ tree: String) throws {
        guard exists(output.path) else {
            guard rename(tree, output.path) == 0 else { throw PublishError("cannot move the site into \(output.path)") }
            return
        }
        if dossier_exchange_paths(tree, output.path) != 0 {
            // No atomic exchange here: move the old site aside first, so that it is never half replaced.
            let aside = parent + "/.\(name).old-\(getpid())"
            guard rename(output.path, aside) == 0 else { throw PublishError("cannot move \(output.path) aside") }
            guard rename(tree, output.path) == 0 else {
                rename(aside, output.path)
                throw PublishError("cannot move the site into \(output.path)")
            }
            if aside != previous { removeTree(previous); rename(aside, previous) }
            return
        }
        if tree != previous {
            removeTree(previous)
            rename(tree, previous)
        }
    }

    private func write(_ data: Data, to path: String, in tree: String) throws {
        var missing: [String] = []
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            let key = tree + "/" + folder
            if lock.withLock({ folders.contains(key) }) { break }
            missing.append(key)
        }
        for key in missing.reversed() {
            try FileOps.makeFolder(key)
            _ = lock.withLock { folders.insert(key) }
        }
        try data.withUnsafeBytes { try FileOps.write(tree + "/" + path, $0) }
    }

    // MARK: Manifests, one per tree, named by the tree folder's device and inode, which renames keep.

    private func manifestPath(_ tree: String) -> String? {
        var info = stat()
        guard stat(tree, &info) == 0 else { return nil }
        return manifests + "/\(info.st_dev)-\(info.st_ino)"
    }

    private func readManifest(_ tree: String) -> [String: ContentHash]? {
        guard let path = manifestPath(tree), let data = FileManager.default.contents(atPath: path) else { return nil }
        var reader = BinaryReader([UInt8](data))
        guard let count = try? reader.int(), count >= 0 else { return nil }
        var files: [String: ContentHash] = [:]
        for _ in 0..<count {
            guard let file = try? reader.string(), let key = try? reader.hash() else { return nil }
            files[file] = key
        }
        return reader.atEnd ? files : nil
    }

    private func writeManifest(_ tree: String, _ files: [String: ContentHash]) throws {
        guard let path = manifestPath(tree) else { return }
        var writer = BinaryWriter()
        writer.int(files.count)
        for (file, key) in files.sorted(by: { $0.key < $1.key }) { writer.string(file); writer.hash(key) }
        guard FileOps.writeAtomically(writer.bytes, to: path) else { throw PublishError("cannot write the cache file \(path)") }
    }

    private func dropManifest(_ tree: String) {
        if let path = manifestPath(tree) { unlink(path) }
    }

    private func removeTree(_ tree: String) {
        dropManifest(tree)
        FileOps.removeTree(tree)
    }

    private func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
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
