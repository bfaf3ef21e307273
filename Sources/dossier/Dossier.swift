import ArgumentParser

struct Dossier: AsyncParsableCommand {
    /// The one place the version is written; `dossier --version` prints it.
    static let version = "0.13.0"

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a briefing website from news articles and Markdown notes.",
        version: version,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Inspect.self, MarkdownWorkerCommand.self],
        defaultSubcommand: Build.self
    )
}
