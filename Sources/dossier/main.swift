import ArgumentParser

// The allocator is tuned before anything is allocated (see `Allocator`); the Markdown workers are left as they
// are, tuned through their environment.
if CommandLine.arguments.dropFirst().first != MarkdownWorkerCommand.configuration.commandName {
    Allocator.tuneForBuilds()
}

/// The asynchronous entry point of `command`: called on the type alone, `main()` would be ParsableCommand's,
/// which cannot run `serve`.
func runAsynchronously<Command: AsyncParsableCommand>(_ command: Command.Type) async {
    await command.main()
}
await runAsynchronously(Dossier.self)
