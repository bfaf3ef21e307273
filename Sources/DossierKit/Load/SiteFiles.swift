import Foundation

/// The one gate through which the build reads the site's files: only regular files that lie inside the site
/// folder once symbolic links are followed, and not larger than a limit. A link to `/etc/shadow` in `content/`
/// or `templates/assets/` is an error naming the link, never a published page; a FIFO cannot hang the build.
struct SiteFiles: Sendable {
    /// No content file, template or asset an editor writes comes near this; it keeps a stray disk image or log
    /// from being read whole into memory.
    static let maxBytes = 32 << 20

    /// The site folder with every symbolic link resolved.
    let root: String

    init(site: URL) {
        root = Self.resolved(site.path) ?? site.standardizedFileURL.path
    }

    /// The bytes of `url` (shown as `path` in messages), or `nil` with an error saying why it is not read.
    func data(at url: URL, path: String, log: inout DiagnosticLog) -> Data? {
        if let problem = problem(with: url) {
            log.error(path, problem)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(path, FileProblem.describe(url) ?? "cannot be read")
            return nil
        }
        return data
    }

    /// Why `url` must not be read, or `nil` when it may (or does not exist, which the caller handles).
    func problem(with url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        // Resolving the whole path catches a link in a folder above the file too (`content/notes` → `/etc`).
        guard let target = Self.resolved(url.path) else { return FileProblem.describe(url) }
        guard target.hasPrefix(root + "/") else {
            return "leads to \(target) through a symbolic link, outside the site folder; the build reads only files of the site"
        }
        guard stat(url.path, &info) == 0 else { return FileProblem.describe(url) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "is a folder, not a file"
        default: return "is not a regular file (a pipe, socket or device); the build reads only regular files"
        }
        if Int(info.st_size) > Self.maxBytes {
            return "file is \(Int(info.st_size) >> 20) MB; the limit is \(Self.maxBytes >> 20) MB"
        }
        return nil
    }

    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
