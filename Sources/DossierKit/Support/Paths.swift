import Foundation

/// Paths with symbolic links resolved, to tell what lies inside what: the files the build may read (inside the
/// site) and the folders it may replace (not holding the site).
enum Paths {
    /// `path` with every symbolic link resolved; `nil` when it does not exist.
    static func real(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// `path` with every symbolic link resolved, as far as it exists.
    static func canonical(_ path: String) -> String {
        if let real = real(path) { return real }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { return path }
        return (canonical(parent) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    /// The names in the folder at `path`, in no order, without `.` and `..`; `nil` when it cannot be listed. Read
    /// with `readdir`, which names entries without looking at each (a folder of 10,000 notes is listed in a
    /// millisecond).
    static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether `path` is `folder` or lies below it.
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
