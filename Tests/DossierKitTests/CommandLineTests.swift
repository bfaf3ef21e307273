import Foundation
import Testing

/// A command's `--help`, and what it must and must not offer.
struct HelpCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var usage: String
    var offers: [String]
    var lacks: [String]
    var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("The command line: help, version, and each command's own options")
struct CommandLineTests {
    static let helps: [HelpCase] = [
        HelpCase(arguments: ["--help"], usage: "USAGE: dossier <subcommand>",
                 offers: ["build (default)", "serve", "check", "new", "inspect", "--version"],
                 lacks: ["markdown-worker", "--output", "--site"]),
        HelpCase(arguments: ["serve", "--help"],
                 usage: "USAGE: dossier serve [<path>] [--port <port>] [--host <host>] [--open] [--poll] [--timings]",
                 offers: ["<path>", "--port <port>", "--host <host>", "(default: 127.0.0.1)", "--open", "--version"],
                 lacks: ["--output", "--site", "--json"]),
        HelpCase(arguments: ["check", "--help"], usage: "USAGE: dossier check [<path>] [--strict]",
                 offers: ["<path>", "--strict", "writing nothing", "--version"], lacks: ["--output", "--site", "--timings"]),
        HelpCase(arguments: ["build", "--help"], usage: "USAGE: dossier build [<path>] [--output <output>] [--timings]",
                 offers: ["<path>", "(default: .)", "-o, --output <output>", "(default: PATH/public)", "--timings", "--version"],
                 lacks: ["--site", "--json"]),
        HelpCase(arguments: ["help", "build"], usage: "USAGE: dossier build [<path>] [--output <output>] [--timings]",
                 offers: ["-o, --output <output>", "--timings"], lacks: ["--site"]),
        HelpCase(arguments: ["inspect", "--help"], usage: "USAGE: dossier inspect <file> [--site <site>] [--json]",
                 offers: ["<file>", "--site <site>", "--json", "--version"], lacks: ["--output", "--timings", "<path>"]),
        HelpCase(arguments: ["markdown-worker", "--help"], usage: "USAGE: dossier markdown-worker",
                 offers: ["(internal)"], lacks: ["--output", "--site", "--json", "<path>"]),
    ]

    @Test("each command's help shows its usage and only its own options", arguments: helps)
    func help(_ item: HelpCase) throws {
        let result = try run(Dossier.binary, item.arguments)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output.contains(item.usage), "\(result.output)")
        for option in item.offers { #expect(result.output.contains(option), "\(option) missing from \(result.output)") }
        for option in item.lacks { #expect(!result.output.contains(option), "\(option) shown in \(result.output)") }
    }

    @Test("--version prints the version alone, from the top and from each command",
          arguments: [["--version"], ["build", "--version"], ["serve", "--version"], ["check", "--version"], ["inspect", "--version"]])
    func version(arguments: [String]) throws {
        let result = try run(Dossier.binary, arguments)
        #expect(result.status == 0)
        #expect(result.output.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.output)")
        #expect(result.output == (try run(Dossier.binary, ["--version"])).output)
    }

    @Test("a site path, an output folder and --timings, written before or after one another, build the same way")
    func siteOptions() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let output = site.folder.url.appendingPathComponent("elsewhere")
        let built = try run(Dossier.binary, ["build", "--timings", "-o", output.path, site.site.path])
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.hasPrefix("built ") && built.output.contains(" in \(output.path), "))
        #expect(built.errors.contains("render and write"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        // The default subcommand is build, and the default output is PATH/public.
        let again = try run(Dossier.binary, [site.site.path])
        #expect(again.status == 0 && again.output.contains(" in \(site.site.appendingPathComponent("public").path), "))
        #expect(again.errors.isEmpty)
    }

    @Test("inspect reads the site given with --site, and refuses options that belong to build")
    func inspectSite() throws {
        let site = try SmallSite()
        defer { site.folder.cleanUp() }
        let note = try #require(FileManager.default.contentsOfDirectory(atPath: site.site.appendingPathComponent("content/notes").path).sorted().first)
        let inspected = try run(Dossier.binary, ["inspect", site.site.appendingPathComponent("content/notes/\(note)").path,
                                                 "--site", site.site.path, "--json"])
        #expect(inspected.status == 0, "\(inspected.errors)")
        #expect(inspected.output.hasPrefix("{"))
        let refused = try run(Dossier.binary, ["inspect", "x.md", "--output", "/tmp/x"])
        #expect(refused.status == 64)
        #expect(refused.errors.contains("Unknown option '--output'"))
    }

    @Test("an unknown option is a usage error with status 64, naming the command's usage")
    func unknownOption() throws {
        let result = try run(Dossier.binary, ["build", "--ouput", "x"])
        #expect(result.status == 64)
        #expect(result.errors.contains("Usage: dossier build [<path>] [--output <output>] [--timings]"))
    }
}
