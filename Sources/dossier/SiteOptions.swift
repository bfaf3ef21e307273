import ArgumentParser
import DossierKit
import Foundation

/// What a command that builds a site is told: where the site is, where its pages go, and whether to print how
/// long each stage took. `dossier build` takes these; later commands that build (`serve`) will share them.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder, holding content/ and templates/.")
    var path: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: PATH/public).")
    var output: String?

    @Flag(help: "Print the time each stage of the build took.")
    var timings = false

    var site: URL { URL(fileURLWithPath: path) }
    var outputFolder: URL { output.map { URL(fileURLWithPath: $0) } ?? site.appendingPathComponent("public") }
}

/// A site folder as given on the command line (`build PATH`, `inspect --site PATH`).
enum SiteFolder {
    /// How the commands run a build: note Markdown parsed in `dossier markdown-worker` processes started from
    /// this very executable.
    static var buildOptions: BuildOptions {
        // For tests only: publish with two renames, as on a file system without an atomic exchange.
        let swap: Publisher.Swap = ProcessInfo.processInfo.environment["DOSSIER_TEST_SWAP_BY_RENAMES"] == "1" ? .renames : .exchange
        return BuildOptions(markdownWorker: MarkdownWorkerCommand.executable, swap: swap)
    }
}
