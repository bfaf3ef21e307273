import Foundation

/// The one gate through which the build reads the site's files: only regular files that lie inside the site
/// folder once symbolic links are followed, and not larger than a limit. A link to `/etc/shadow` in `content/`
/// or `templates/assets/` is an error naming the link, never a published page; a FIFO cannot hang the build.
struct SiteFiles: Sendable {
    /// No content file, template or asset an editor writes comes near this; it keeps a stray disk image or log
    /// from being read whole into memory.
    static let maxBytes = 32 << 20

    /// The site folder, as given.
    let site: URL
    /// The site folder with every symbolic link resolved.
    let root: String
    /// The folders' resolved paths, each found once: resolving every file's whole path was a fifth of a build with
    /// nothing to do.
    private let folders = RealFolders()

    init(site: URL) {
        self.site = site
        root = Paths.real(site.path) ?? site.standardizedFileURL.path
    }

    /// The bytes of `url` (shown as `path` in messages), a file of the site, or `nil` with an error saying why
    /// it is not read. `refuse` may turn down a size first (a note's Markdown has its own limit, with its own words).
    func data(at url: URL, path: String, refuse: ((Int) -> String?)? = nil, log: inout DiagnosticLog) -> Data? {
        if let problem = problem(with: url) {
            log.error(path, problem)
            return nil
        }
        return Self.regularFile(at: url, path: path, refuse: refuse, log: &log)
    }

    /// The bytes of `url`, wherever it is, if it is a regular file within the limits. The type and size are taken
    /// from the open file, so that what is checked is what is read; a file that grows meanwhile is read only as
    /// far as the limits allow.
    static func regularFile(at url: URL, path: String, refuse: ((Int) -> String?)? = nil, log: inout DiagnosticLog) -> Data? {
        func tooLarge(_ size: Int) -> String? {
            refuse?(size) ?? (size > Self.maxBytes ? "file is \(size >> 20) MB; the limit is \(Self.maxBytes >> 20) MB" : nil)
        }
        // Non-blocking, so that a pipe put there after the check still cannot hold the build.
        let file = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        var info = stat()
        guard file >= 0, fstat(file, &info) == 0 else {
            if file >= 0 { close(file) }
            log.error(path, FileProblem.describe(url) ?? "cannot be read")
            return nil
        }
        defer { close(file) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            log.error(path, (info.st_mode & S_IFMT) == S_IFDIR ? "is a folder, not a file" : Self.notRegular)
            return nil
        }
        if let reason = tooLarge(Int(info.st_size)) {
            log.error(path, reason)
            return nil
        }
        // One byte more than the size, to see the end.
        var data = Data(count: Int(info.st_size) + 1)
        var done = 0
        while true {
            if done == data.count {
                if let reason = tooLarge(done) {
                    log.error(path, reason)
                    return nil
                }
                data.count += max(4096, data.count / 2)
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n } else if n == 0 { break } else if errno != EINTR {
                log.error(path, "cannot be read: \(String(cString: strerror(errno)))")
                return nil
            }
        }
        data.count = done
        return data
    }

    static let notRegular = "is not a regular file (a pipe, socket or device); the build reads only regular files"

    /// Why `url` must not be read, or `nil` when it may (or does not exist, which the caller handles). What kind
    /// of file it is, and its size, are checked on the open file.
    func problem(with url: URL) -> String? {
        var info = stat()
        let path = url.path
        guard lstat(path, &info) == 0 else { return nil }
        // Resolving the whole path catches a link in a folder above the file too (`content/notes` → `/etc`). A file
        // that is no link itself resolves to where its folder does.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? ""
        let target: String
        if (info.st_mode & S_IFMT) != S_IFLNK, let slash, !["", ".", ".."].contains(name),
           let folder = folders.real(slash == path.startIndex ? "/" : String(path[..<slash])) {
            target = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        } else {
            guard let real = Paths.real(path) else { return FileProblem.describe(url) }
            target = real
        }
        guard target != root, Paths.isWithin(target, root) else {
            return "leads to \(target) through a symbolic link, outside the site folder; the build reads only files of the site"
        }
        return nil
    }
}

/// Folders' paths with every symbolic link resolved, each resolved once; safe from several threads.
private final class RealFolders: @unchecked Sendable {
    private var known: [String: String] = [:]
    private let lock = NSLock()

    func real(_ folder: String) -> String? {
        if let known = lock.withLock({ known[folder] }) { return known }
        guard let real = Paths.real(folder) else { return nil }
        lock.withLock { known[folder] = real }
        return real
    }
}
