import Foundation
import Testing
@testable import DossierKit

/// `dossier` run under a deadline, with a tag in its environment that its workers inherit, so that the
/// processes it leaves behind, if any, can be found.
struct WatchedBuild {
    let tag = "DOSSIER_TEST_TAG=\(UUID().uuidString)"

    /// Starts `dossier build SITE` (or other `arguments`); the caller waits for it.
    func start(_ site: URL, arguments: [String]? = nil) throws -> (Process, stdout: Pipe, stderr: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Dossier.binary)
        process.arguments = arguments ?? ["build", site.path]
        process.currentDirectoryURL = site
        let parts = tag.split(separator: "=", maxSplits: 1).map(String.init)
        process.environment = ProcessInfo.processInfo.environment.merging([parts[0]: parts[1]]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs the command to its end, or kills it at `deadline` and records a hang.
    func run(_ site: URL, arguments: [String]? = nil, deadline: Duration = .seconds(30)) throws -> (result: CommandResult, took: Duration) {
        let started = ContinuousClock.now
        let (process, stdout, stderr) = try start(site, arguments: arguments)
        nonisolated(unsafe) var output = Data(), errors = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { output = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errors = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let seconds = Double(deadline.components.seconds)
        if group.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the build did not finish within \(deadline)")
            group.wait()
        }
        process.waitUntilExit()
        return (CommandResult(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                              errors: String(decoding: errors, as: UTF8.self)), ContinuousClock.now - started)
    }

    /// Processes that carry the tag: the build's workers while it runs; none once it has ended.
    func carriers() -> [(pid: Int32, command: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> (Int32, String)? in
            guard let pid = Int32(name), let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/environ")),
                  environment.split(separator: 0).contains(where: { $0.elementsEqual(tag.utf8) }) else { return nil }
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/cmdline"))) ?? Data()
            return (pid, String(decoding: command.map { $0 == 0 ? 32 : $0 }, as: UTF8.self))
        }
    }

    /// Waits up to `seconds` for every tagged process to end; returns those still there.
    func survivors(within seconds: Double) -> [(pid: Int32, command: String)] {
        let deadline = Date().addingTimeInterval(seconds)
        var left = carriers()
        while !left.isEmpty && Date() < deadline {
            usleep(20_000)
            left = carriers()
        }
        return left
    }
}

struct RunawayNote: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var body: @Sendable () -> String
    /// Parts of the error line, which names the file and the limit.
    var expected: [String]
}

@Suite("Runaway Markdown: stopped and reported, in bounded time, the old site kept", .serialized)
struct RunawayMarkdownTests {
    static let cases: [RunawayNote] = [
        RunawayNote(testDescription: "a 5,000-column table over 5,000 short lines (30 KB)",
                    body: { Runaway.table(columns: 5_000, rows: 5_000) },
                    expected: ["content/notes/bad.md:5: error: table of 5,000 columns × 5,001 rows brings the note to 25,005,000 table cells",
                               "(limit: 100,000 cells and one per 8 bytes)"]),
        RunawayNote(testDescription: "a 2,000-column table (12 KB)", body: { Runaway.table(columns: 2_000, rows: 2_000) },
                    expected: ["content/notes/bad.md:5: error: table of 2,000 columns × 2,001 rows brings the note to 4,002,000 table cells",
                               "(limit: 100,000 cells and one per 8 bytes)"]),
        RunawayNote(testDescription: "960 KB of ![[]()", body: { Runaway.bracketStorm(bytes: 960 * 1024) },
                    expected: ["content/notes/bad.md: error: Markdown took longer than 1.47 s to parse (limit: 1 s and 0.5 s per MB of note, of processor time)"]),
        RunawayNote(testDescription: "50,000 block quotes inside each other", body: { String(repeating: ">", count: 50_000) + " x\n" },
                    expected: ["content/notes/bad.md: error: Markdown nests 50,001 levels deep", "the limit is 100"]),
        RunawayNote(testDescription: "50,000 lists inside each other", body: { String(repeating: "- ", count: 50_000) + "x\n" },
                    expected: ["content/notes/bad.md: error: Markdown nests 100,001 levels deep", "the limit is 100"]),
        RunawayNote(testDescription: "a list indented 1,000 levels", body: { (0..<1_000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined() },
                    expected: ["content/notes/bad.md: error: Markdown nests 2,001 levels deep", "the limit is 100"]),
        RunawayNote(testDescription: "a 100 KB link reference used 100,000 times", body: { Runaway.referenceBomb(length: 100_000, uses: 100_000) },
                    expected: ["content/notes/bad.md: error: Markdown needs more than 280.4 MB of memory to parse (limit: 256 MB and 64 bytes per byte of note;"]),
        RunawayNote(testDescription: "a note over 32 MB", body: { String(repeating: "word ", count: 7_000_000) },
                    expected: ["content/notes/bad.md: error: note is 35,000,034 bytes; a note may hold at most 32 MB"]),
    ]

    @Test("the note is an error naming it and the limit, other notes are still read, the build exits 1, the site stays", arguments: cases)
    func runaway(_ note: RunawayNote) throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = manifest(site.output)
        try site.write("content/notes/bad.md", Runaway.note(note.body()))
        // A second broken note: its error proves the run went on after the first was stopped.
        try site.write("content/notes/other.md", "---\ntitle: Other\ndate: 2025-01-05\ntopics: [Nowhere]\n---\nText\n")
        let build = WatchedBuild()
        // A build still running at the watchdog's deadline is killed, and its status is not 1.
        let (result, _) = try build.run(site.site)
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains { line in note.expected.allSatisfy { line.contains($0) } }, "\(result.errors.prefix(2_000))")
        #expect(lines.contains { $0.hasPrefix("content/notes/other.md:4:") && $0.contains("error: unknown topic 'Nowhere'") }, "\(result.errors.prefix(2_000))")
        #expect(lines.last?.hasPrefix("build failed: 2 errors") == true, "\(result.errors.prefix(2_000))")
        #expect(manifest(site.output) == before, "the previous output changed")
        #expect(build.survivors(within: 0).isEmpty, "workers outlived the build")
    }

    @Test("a build killed while a worker parses leaves no worker behind, and the old site")
    func killed() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = manifest(site.output)
        // Without limits this would run for minutes.
        try site.write("content/notes/bad.md", Runaway.note(Runaway.bracketStorm(bytes: 960 * 1024)))
        let build = WatchedBuild()
        let (process, _, _) = try build.start(site.site)
        let deadline = Date().addingTimeInterval(20)
        while !build.carriers().contains(where: { $0.command.contains("markdown-worker") }) && Date() < deadline { usleep(5_000) }
        #expect(build.carriers().contains { $0.command.contains("markdown-worker") }, "no worker started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(build.survivors(within: 5).isEmpty, "workers outlived the build")
        #expect(manifest(site.output) == before)
    }

    @Test("a FIFO among the notes is an error, not a build that waits forever for a writer")
    func fifo() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        #expect(try Dossier.build(site.site).status == 0)
        let before = manifest(site.output)
        #expect(mkfifo(site.site.appendingPathComponent("content/notes/pipe.md").path, 0o644) == 0)
        let (result, _) = try WatchedBuild().run(site.site)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/notes/pipe.md: error: \(SiteFiles.notRegular)"), "\(result.errors)")
        #expect(manifest(site.output) == before)
    }

    @Test("inspecting a runaway note stops too, with the same message")
    func inspect() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        try site.write("content/notes/bad.md", Runaway.note(Runaway.bracketStorm(bytes: 960 * 1024)))
        let command = WatchedBuild()
        let (result, _) = try command.run(site.site, arguments: ["inspect", "content/notes/bad.md"])
        #expect(result.status == 1)
        #expect(result.output.contains("content/notes/bad.md: error: Markdown took longer than 1.47 s to parse"), "\(result.output)")
        #expect(command.survivors(within: 0).isEmpty)
    }

    @Test("the worker command is not offered to people")
    func hidden() throws {
        let help = try run(Dossier.binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("build") && !help.output.contains("markdown-worker"))
    }
}
