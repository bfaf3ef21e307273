import Foundation

/// One build per output at a time: an exclusive `flock` on the lock file beside the output, taken before the
/// build first looks at the output and released when the lock is dropped, after publishing. A second build into
/// the same output, from this site or another, waits for the first to finish. The lock file itself stays: deleting
/// it would let two builds lock two different files.
final class OutputLock {
    private let fd: Int32

    init(_ path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot create the lock file \(path): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw PublishError("cannot lock \(path): \(reason)")
            }
        }
    }

    deinit { close(fd) }
}
