import Foundation

/// The few file-system calls a build makes per page, made directly: no fsync (the atomic swap, not the disk
/// cache, is what keeps a site whole), one `mkdir` per new folder, and deletion without Foundation's overhead.
enum FileOps {
    /// Writes `bytes` to `path`, replacing any file there.
    static func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard writeAll(fd, bytes) else { throw PublishError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Writes all of `bytes` to the open descriptor `fd`; `false`, with `errno` set, when it cannot.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The bytes of the regular file at `path`, read in one array; nil when there is none or it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        let complete = bytes.withUnsafeMutableBytes { buffer in
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return false }
                if n == 0 { break }
                count += n
            }
            return true
        }
        guard complete else { return nil }
        // A file cut while it was read is read as it is now; its hash will say whether that is whole.
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Replaces `path` with `bytes` in one step (a temporary file renamed over it), so that a reader, or a
    /// killed build, never sees half a file.
    @discardableResult
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        writeAtomically(parts: [bytes], to: path)
    }

    /// `writeAtomically(_:to:)` of `parts` laid end to end, without joining them.
    @discardableResult
    static func writeAtomically(parts: [[UInt8]], to path: String) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = parts.allSatisfy { part in part.withUnsafeBytes { writeAll(fd, $0) } }
        if close(fd) != 0 || !written {
            unlink(temporary)
            return false
        }
        if rename(temporary, path) != 0 { unlink(temporary); return false }
        return true
    }

    /// Creates `path` as a folder; an existing folder is fine.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw PublishError("cannot create the folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes `path` and everything below it, not following symbolic links.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)
            return
        }
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                removeTree(path + "/" + name)
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
