import ArgumentParser
import DossierKit
import Foundation

/// `dossier check [PATH]`
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site in PATH as a build would, writing nothing.",
        discussion: "Content, links, sources, figures and templates: every error a build reports, compiler style, with exit status 1. For pre-commit hooks and CI."
    )

    @Argument(help: "The site folder, holding content/ and templates/.")
    var path: String = "."

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let site = URL(fileURLWithPath: path)
        do {
            let report = try SiteCheck.run(site: site, options: SiteFolder.buildOptions)
            Output.diagnostics(report.warnings)
            let drafts = report.drafts > 0 ? " (\(Output.count(report.drafts, "draft")))" : ""
            Output.line("checked \(Output.count(report.notes, "note"))\(drafts), \(Output.count(report.articles, "article")), "
                        + "\(Output.count(report.topics, "topic")), \(Output.count(report.pages, "page")): no errors"
                        + (report.warnings.isEmpty ? "" : ", \(Output.count(report.warnings.count, "warning"))"))
            if strict && !report.warnings.isEmpty { throw ExitCode(1) }
        } catch let failure as BuildFailed {
            Output.failed("check", failure.diagnostics)
            throw ExitCode(1)
        }
    }
}
