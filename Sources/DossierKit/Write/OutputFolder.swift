import Foundation

/// The folder a site is published into, and the ones the build keeps beside it: `.NAME.prev` (the tree the last
/// swap took out, reused by the next build), `.NAME.staging-PID` (a tree being written), `.NAME.old-PID` (the old
/// site, moved aside where the file system cannot exchange two folders) and `.NAME.lock`.
///
/// An output that is a symbolic link is written through: the build works on the folder the link leads to, and
/// the link is left as it is.
struct OutputFolder {
    /// The output as the user named it, for messages.
    let given: String
    /// The real folder: a symbolic link resolved.
    let path: String
    let parent: String
    let name: String

    /// Resolves `output` and refuses one that is, holds or lies inside what the build reads: publishing replaces
    /// the whole output folder. `site` may hold the output (the default `site/public`); `inputs` may not even do
    /// that. Creates the output's parent folder.
    init(output: URL, site: URL, inputs: [URL]) throws {
        given = output.standardizedFileURL.path
        var info = stat()
        var target = given
        if lstat(given, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = Paths.real(given) else {
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: given)) ?? "?"
                throw PublishError("output \(given) is a symbolic link to \(destination), which is not a folder that exists")
            }
            target = real
        }
        if stat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw PublishError("output path \(given) is a file, not a folder")
        }
        path = target
        parent = (target as NSString).deletingLastPathComponent
        name = (target as NSString).lastPathComponent

        let real = Paths.canonical(target)
        let refusal = "cannot publish into \(given)"
        for (folder, isInput) in [(site, false)] + inputs.map({ ($0, true) }) {
            let other = Paths.canonical(folder.standardizedFileURL.path)
            let label = isInput ? "the site's \(folder.lastPathComponent)/ folder" : "the site folder"
            if real == other {
                throw PublishError("\(refusal): it is \(label); publishing replaces the whole output folder, so it needs one of its own")
            }
            if Paths.isWithin(other, real) {
                throw PublishError("\(refusal): it holds \(label) \(folder.path); publishing replaces the whole output folder")
            }
            if isInput, Paths.isWithin(real, other) {
                throw PublishError("\(refusal): it lies inside \(label), which the build only reads")
            }
        }

        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError("cannot create the folder \(parent) for the output: \(PublishError.reason(error))")
        }
        guard access(parent, W_OK) == 0 else { throw PublishError("cannot write to \(parent): permission denied") }
    }

    var previous: String { parent + "/.\(name).prev" }
    var lock: String { parent + "/.\(name).lock" }
    func staging(_ pid: Int32) -> String { parent + "/.\(name).staging-\(pid)" }
    func old(_ pid: Int32) -> String { parent + "/.\(name).old-\(pid)" }

    /// Trees that builds left beside the output, with the process that made each: staging trees, and old sites
    /// moved aside (`old`).
    func leftovers() -> [(path: String, old: Bool, pid: Int32)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        return names.compactMap { entry in
            for (prefix, old) in [(".\(name).staging-", false), (".\(name).old-", true)] where entry.hasPrefix(prefix) {
                if let pid = Int32(entry.dropFirst(prefix.count)) { return (parent + "/" + entry, old, pid) }
            }
            return nil
        }
    }

    /// Whether the build may replace or delete `tree`: it does not exist, or is a folder that is empty or carries
    /// the build's mark.
    static func isOurs(_ tree: String) -> Bool {
        var info = stat()
        guard lstat(tree, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        return OutputMark.read(tree) != nil || isEmpty(tree)
    }

    static func isEmpty(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["?"]).isEmpty
    }

    /// Deletes `tree` if it is the build's; its mark goes last, so that a deletion cut short leaves a tree that
    /// is still known to be the build's.
    static func discard(_ tree: String) {
        guard isOurs(tree) else { return }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: tree)) ?? [] where entry != OutputMark.name {
            FileOps.removeTree(tree + "/" + entry)
        }
        unlink(tree + "/" + OutputMark.name)
        rmdir(tree)
    }
}
