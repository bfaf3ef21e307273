import Foundation

/// Why a file in `content/` or `templates/` could not be read, in words an editor can act on.
enum FileProblem {
    /// `nil` when the file simply does not exist (the caller decides whether that matters).
    static func describe(_ url: URL) -> String? {
        var info = stat()
        if lstat(url.path, &info) != 0 { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            var target = stat()
            if stat(url.path, &target) != 0 {
                return errno == ELOOP ? "symbolic link loop: the link leads back to itself"
                                      : "symbolic link to a file that does not exist"
            }
            info = target
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "is a folder, not a file" }
        if access(url.path, R_OK) != 0 { return "cannot be read (permission denied)" }
        return "cannot be read"
    }
}
