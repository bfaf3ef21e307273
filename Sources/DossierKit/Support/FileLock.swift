import Foundation

/// An exclusive `flock` on a lock file, held until the value is dropped; a second holder waits. One build per
/// output at a time (`.public.lock` beside it) and per site cache (`.dossier-cache/lock`). The lock file itself
/// stays: deleting it would let two builds lock two different files.
final class FileLock {
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
