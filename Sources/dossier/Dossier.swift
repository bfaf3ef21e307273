import ArgumentParser

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a briefing website from news articles and Markdown notes.",
        subcommands: [Build.self, Inspect.self],
        defaultSubcommand: Build.self
    )
}
