import ArgumentParser
import DossierKit
import Foundation

/// `dossier build [PATH] [--output DIR] [--timings]`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in PATH (holding content/ and templates/) into DIR."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {
        let output = options.outputFolder
        let start = ContinuousClock.now
        do {
            let report = try SiteBuild.run(site: options.site, output: output, options: SiteFolder.buildOptions)
            Output.diagnostics(report.warnings)
            if options.timings {
                for (stage, seconds) in report.timings {
                    Output.error(stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
                }
            }
            let seconds = (ContinuousClock.now - start).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 3)))
            let changes = report.written + report.removed == 0 ? "nothing changed"
                : "\(report.written) written" + (report.removed > 0 ? ", \(report.removed) removed" : "")
            let drafts = report.drafts > 0 ? " (\(Output.count(report.drafts, "draft")) left out)" : ""
            print("built \(Output.count(report.notes, "note"))\(drafts), \(Output.count(report.articles, "article")), "
                + "\(Output.count(report.topics, "topic")): \(Output.count(report.pages, "page")), "
                + "\(Output.count(report.files, "file")) in \(output.path), \(changes) (\(seconds))"
                + (report.warnings.isEmpty ? "" : ", \(Output.count(report.warnings.count, "warning"))"))
        } catch let failure as BuildFailed {
            Output.failed("build", failure.diagnostics, then: "; \(output.path) is unchanged")
            throw ExitCode(1)
        }
    }
}
