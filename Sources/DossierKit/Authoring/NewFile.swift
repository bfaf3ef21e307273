import Foundation

/// Why `dossier new` wrote nothing: every problem found, compiler style, in the order found.
public struct AuthoringFailed: Error, Sendable {
    public let diagnostics: [Diagnostic]
}

/// Where `dossier new` puts a file, and how it makes it without ever replacing one.
enum NewFile {
    /// `content/<name>` in `site`, which `create` makes if it is missing; `nil` with an error when `site` has no
    /// `content/` folder (it is then not a site), or the folder is not one or leads outside the site through a
    /// symbolic link. Nothing is made here, so that a command that finds other problems leaves no trace.
    static func folder(_ name: String, in site: URL, log: inout DiagnosticLog) -> URL? {
        let content = site.appendingPathComponent("content")
        guard isFolder(content) else {
            log.error(site.path, "is not a site folder: it has no content/ folder (give the site with --site PATH)")
            return nil
        }
        let folder = content.appendingPathComponent(name)
        if exists(folder) && !isFolder(folder) {
            log.error("content/\(name)", "is not a folder")
            return nil
        }
        // The build reads nothing that lies outside the site; a new file is put nowhere it would not read.
        for (url, path) in [(content, "content"), (folder, "content/\(name)")] {
            if let problem = SiteFiles(site: site).problem(with: url) {
                log.error(path, problem)
                return nil
            }
        }
        return folder
    }

    /// Whether anything, even a dangling symbolic link, is at `url`.
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    enum Outcome: Equatable {
        case created
        case exists
        case failed(String)
    }

    /// Creates `url` holding `bytes`, and its folder if that is missing. `O_EXCL`: if anything is there, a file or a link, even one made a moment ago
    /// by another editor, nothing is written. A file this call made but could not fill is removed again.
    static func create(_ bytes: Data, at url: URL) -> Outcome {
        if mkdir(url.deletingLastPathComponent().path, 0o755) != 0 && errno != EEXIST {
            return .failed("cannot create its folder: \(String(cString: strerror(errno)))")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno)))
        }
        var problem: String?
        if !bytes.withUnsafeBytes({ FileOps.writeAll(fd, $0) }) || fsync(fd) != 0 { problem = String(cString: strerror(errno)) }
        if close(fd) != 0, problem == nil { problem = String(cString: strerror(errno)) }
        guard let problem else { return .created }
        unlink(url.path)
        return .failed(problem)
    }

    private static func isFolder(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
