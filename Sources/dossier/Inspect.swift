import ArgumentParser
import DossierKit
import Foundation

/// `dossier inspect FILE [--site PATH] [--json]`
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the build makes of one article or note, without building.",
        discussion: "Run in the site folder: headline, date, outlet and topics with the line each came from, the kept paragraphs, every dropped line with its rule, the area figures and the warnings."
    )

    @Argument(help: "The article (.txt) or note (.md) to read.")
    var file: String

    @Option(help: "The site folder whose topics apply.")
    var site: String = "."

    @Flag(help: "Print one JSON object instead of a report.")
    var json = false

    func run() throws {
        let inspection: Inspection
        do {
            inspection = try Inspection.inspect(file: URL(fileURLWithPath: file), site: URL(fileURLWithPath: site),
                                                options: SiteFolder.buildOptions)
        } catch {
            Output.error("\(file): error: cannot read the file: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print(json ? inspection.json : inspection.text, terminator: "")
        if inspection.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
