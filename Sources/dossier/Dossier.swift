import ArgumentParser

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a briefing website from news articles and Markdown notes.",
        subcommands: [Build.self, Inspect.self, MarkdownWorkerCommand.self],
        defaultSubcommand: Build.self
    )
}
