import Foundation

/// Where a rendered note body lives in the body store.
struct BodyRef: Sendable, Hashable {
    var offset: Int
    var length: Int
}

/// Rendered note bodies, in one append-only file of the cache, so that the build never holds the whole site's
/// HTML in memory: pages read their body back when they are rendered. Safe to use from several threads.
final class BodyStore: @unchecked Sendable {
    private let fd: Int32
    private var end: Int
    private let lock = NSLock()
    let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot open the cache file \(path): \(String(cString: strerror(errno)))") }
        end = Int(lseek(fd, 0, SEEK_END))
    }

    deinit { close(fd) }

    var size: Int { lock.withLock { end } }

    /// The store, as messages name it.
    static let name = ".dossier-cache/bodies"

    func append(_ html: String) throws -> BodyRef {
        var html = html
        return try html.withUTF8 { bytes in
            let offset = lock.withLock { () -> Int in
                defer { end += bytes.count }
                return end
            }
            var done = 0
            while done < bytes.count {
                let n = pwrite(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PublishError("cannot write the cache file \(path): \(String(cString: strerror(errno)))")
                }
                done += n
            }
            return BodyRef(offset: offset, length: bytes.count)
        }
    }

    /// The body `ref` points to; throws `CacheDamaged` when the file does not hold it whole or its bytes do not
    /// hash to `hash` (the note's `bodyHash`).
    func read(_ ref: BodyRef, hash: ContentHash) throws(CacheDamaged) -> String {
        var intact = true
        let text = String(unsafeUninitializedCapacity: ref.length) { buffer in
            var done = 0
            while done < ref.length {
                let n = pread(fd, buffer.baseAddress.map { $0 + done }, ref.length - done, off_t(ref.offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            intact = done == ref.length && ContentHash(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<done]))) == hash
            return done
        }
        guard intact else { throw CacheDamaged(file: Self.name) }
        return text
    }
}
