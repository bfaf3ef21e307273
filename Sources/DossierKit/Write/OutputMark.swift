import Foundation

/// The file at the root of every tree the build writes, `.dossier-output`: the proof that dossier made the tree,
/// without which no folder is ever replaced or deleted, and the list of what the tree holds (each file's path,
/// key and size), so that the next build rewrites only the files whose key changed.
///
/// The list lives inside the tree it describes: it moves with the tree through every rename and swap, and a
/// tree emptied, replaced or copied by hand is judged by what it really holds (see `trusted(in:)`).
struct OutputMark: Equatable {
    static let name = ".dossier-output"
    /// The first bytes of every mark, whatever its list's format: what makes a tree dossier's.
    static let signature = Array("dossier output tree; the build replaces this folder\n".utf8)
    static let format = "dossier-output-1"

    struct Entry: Equatable, Sendable {
        var key: ContentHash
        var size: Int
    }

    /// What the tree holds. Empty while a build changes the tree, so that a build killed then leaves a tree that
    /// is still known to be dossier's but whose files are trusted no more.
    var files: [String: Entry] = [:]

    /// The mark of `tree`; nil when it has none. A mark whose list cannot be read has an empty list.
    static func read(_ tree: String) -> OutputMark? {
        let fd = open(tree + "/" + name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // The signature first: a large file of the user's that happens to bear the name is not read whole.
        var head = [UInt8](repeating: 0, count: signature.count)
        guard pread(fd, &head, head.count, 0) == head.count, head == signature,
              let rest = try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() ?? Data()
        else { return nil }
        return OutputMark(files: list([UInt8](rest.dropFirst(signature.count))) ?? [:])
    }

    private static func list(_ bytes: [UInt8]) -> [String: Entry]? {
        var reader = BinaryReader(bytes)
        guard (try? reader.string()) == format, let count = try? reader.count(itemSize: 32) else { return nil }
        var files: [String: Entry] = [:]
        for _ in 0..<count {
            guard let path = try? reader.string(), let key = try? reader.hash(), let size = try? reader.int() else { return nil }
            files[path] = Entry(key: key, size: size)
        }
        return reader.atEnd ? files : nil
    }

    /// Writes this mark into `tree` in one step (a temporary file renamed over it), so that the tree is never
    /// without one. The temporary file has one fixed name: one that a killed build left is replaced next time.
    func write(to tree: String) throws {
        var writer = BinaryWriter()
        writer.string(Self.format)
        writer.int(files.count)
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.hash(entry.key)
            writer.int(entry.size)
        }
        let path = tree + "/" + Self.name, temporary = path + ".tmp"
        try (Self.signature + writer.bytes).withUnsafeBytes { try FileOps.write(temporary, $0) }
        guard rename(temporary, path) == 0 else {
            throw PublishError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The entries whose file is still in `tree`, a regular file of the size written. A file deleted, truncated
    /// or swapped for a folder by hand is written again; only an edit that keeps a file's size goes unnoticed.
    func trusted(in tree: String) -> [String: Entry] {
        let entries = Array(files)
        let present = Parallel.map(entries) { path, entry in
            var info = stat()
            return lstat(tree + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == entry.size
        }
        var trusted: [String: Entry] = [:]
        for (i, (path, entry)) in entries.enumerated() where present[i] { trusted[path] = entry }
        return trusted
    }
}
