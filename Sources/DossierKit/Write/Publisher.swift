import CSwap
import Foundation

/// Writes a build into a staging folder beside the output and swaps it in only once everything is written,
/// so a failed or killed build never damages the site that is already there.
public struct Publisher {
    public let output: URL
    let staging: URL
    private let fileManager = FileManager.default

    /// Prepares a fresh staging folder, first removing what killed builds left behind.
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: self.output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw PublishError("output path \(self.output.path) is a file, not a folder")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError("cannot create the folder \(parent.path) for the output: \(PublishError.reason(error))")
        }
        guard fileManager.isWritableFile(atPath: parent.path) else {
            throw PublishError("cannot write to \(parent.path): permission denied")
        }
        for leftover in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            try? fileManager.removeItem(at: parent.appendingPathComponent(leftover))
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `path`, relative to the output folder.
    public func write(_ path: String, _ data: Data) throws {
        let url = staging.appendingPathComponent(path)
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Replaces the output with the staged build in one atomic step, then deletes the old site.
    public func commit() throws {
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if dossier_exchange_paths(staging.path, output.path) != 0 {
            // No atomic exchange here: move the old site aside first, so it is never half replaced.
            let aside = output.deletingLastPathComponent()
                .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
            try fileManager.moveItem(at: output, to: aside)
            try fileManager.moveItem(at: staging, to: output)
            try? fileManager.removeItem(at: aside)
            return
        }
        try fileManager.removeItem(at: staging)
    }

    /// Deletes the staged build, leaving the output untouched.
    public func discard() {
        try? fileManager.removeItem(at: staging)
    }
}

public struct PublishError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    /// The operating system's words for a file error ("File exists", "No space left on device").
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileWriteFileExists.rawValue {
            return "a file is in the way"
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return underlying.code == Int(EEXIST) ? "a file is in the way" : String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
