import ArgumentParser
import DossierKit
import Foundation

/// `dossier build [PATH] [--output DIR]`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in PATH (holding content/ and templates/) into DIR."
    )

    @Argument(help: "The site folder, holding content/ and templates/.")
    var path: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: PATH/public).")
    var output: String?

    @Flag(help: "Print the time each stage of the build took.")
    var timings = false

    func run() throws {
        let site = URL(fileURLWithPath: path)
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? site.appendingPathComponent("public")
        // For tests only: publish with two renames, as on a file system without an atomic exchange.
        let swap: Publisher.Swap = ProcessInfo.processInfo.environment["DOSSIER_TEST_SWAP_BY_RENAMES"] == "1" ? .renames : .exchange
        let start = ContinuousClock.now
        do {
            let report = try SiteBuild.run(site: site, output: outputURL,
                                          options: BuildOptions(markdownWorker: MarkdownWorkerCommand.executable, swap: swap))
            for warning in report.warnings { printError(warning.description) }
            if timings {
                for (stage, seconds) in report.timings {
                    printError(stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
                }
            }
            let seconds = (ContinuousClock.now - start).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 3)))
            let changes = report.written + report.removed == 0 ? "nothing changed"
                : "\(report.written) written" + (report.removed > 0 ? ", \(report.removed) removed" : "")
            print("built \(count(report.notes, "note")), \(count(report.articles, "article")), "
                + "\(count(report.topics, "topic")): \(count(report.pages, "page")), \(count(report.files, "file")) "
                + "in \(outputURL.path), \(changes) (\(seconds))"
                + (report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"))
        } catch let failure as BuildFailed {
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            let warnings = failure.diagnostics.count - errors
            printError("build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); \(outputURL.path) is unchanged")
            throw ExitCode(1)
        }
    }

    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
