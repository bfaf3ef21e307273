import ArgumentParser
import DossierKit
import Foundation

/// `dossier markdown-worker`: not for people. A build starts these to parse note Markdown,
/// one per core, and talks to each over its standard input and output.
struct MarkdownWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown-worker",
        abstract: "Parse note Markdown for a running build (internal).",
        shouldDisplay: false
    )

    func run() throws {
        let status = MarkdownWorker.serve()
        if status != 0 { throw ExitCode(status) }
    }

    /// This very executable, for a build to start workers from: `/proc/self/exe` names it even if the file
    /// is replaced while the build runs.
    static var executable: URL? {
        if FileManager.default.isExecutableFile(atPath: "/proc/self/exe") { return URL(fileURLWithPath: "/proc/self/exe") }
        return Bundle.main.executableURL
    }
}
