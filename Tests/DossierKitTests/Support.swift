import Foundation
import Testing
@testable import DossierKit

/// Paths of the repository, found from this file so tests run from any working directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/DossierKitTests/Fixtures")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

/// A fresh temporary folder, removed by the caller with `cleanUp`.
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// What a finished command printed.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs a command to the end, with an optional input, environment and working folder.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
         in folder: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
    process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    // Read both pipes concurrently so that a full stderr pipe cannot block the child.
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errorData = stderr.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
                         errors: String(decoding: errorData, as: UTF8.self))
}

/// The `dossier` executable that `swift build` made beside the tests.
enum Dossier {
    static var binary: String {
        let candidates = [".build/debug/dossier", ".build/release/dossier"].map { Repo.root.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func build(_ site: URL, output: URL? = nil, environment: [String: String]? = nil, in folder: URL? = nil) throws -> CommandResult {
        try run(binary, ["build", site.path] + (output.map { ["--output", $0.path] } ?? []), environment: environment, in: folder)
    }
}

/// Every file below `folder` with a digest of its bytes, to compare whole trees.
func manifest(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        var isFolder: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            files[path] = FileManager.default.contents(atPath: url.path) ?? Data()
        }
    }
    return files
}

extension ArticleCleaner {
    /// Cleans a content file the way the build does: front matter first, then the body.
    static func cleanFile(_ text: String) -> CleanedArticle {
        var log = DiagnosticLog()
        let body = FrontMatter.parse(text, path: "x", log: &log)?.body ?? text
        return clean(body)
    }
}

/// A small, seeded random generator (SplitMix64): the same damages on every run of one seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` on another thread and records an issue if it has not finished within `seconds`: a test of a
/// hang must fail, not hang.
func finishes<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: T?
    Thread.detachNewThread {
        result = body()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else {
        Issue.record("did not finish within \(seconds) s")
        return nil
    }
    return result
}
