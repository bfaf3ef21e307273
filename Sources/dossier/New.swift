import ArgumentParser
import DossierKit
import Foundation

/// `dossier new note|article`: start a content file the way the build will read it.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a note, or add a scraped article, in the site's content folder.",
        subcommands: [NewNoteCommand.self, NewArticleCommand.self]
    )

    /// `path` in the site folder `site` as given on the command line, for printing: `content/notes/x.md` when the
    /// site is the working folder.
    static func shown(_ path: String, in site: String) -> String {
        site == "." || site.isEmpty ? path : (site as NSString).appendingPathComponent(path)
    }

    /// A `--date` must be a day that exists, written YYYY-MM-DD.
    static func validate(date: String?) throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be a day written YYYY-MM-DD, found '\(date)'") }
    }

    /// Prints every problem, and that nothing was written, and ends with status 1.
    static func fail(_ failure: AuthoringFailed, _ nothing: String) -> ExitCode {
        Output.diagnostics(failure.diagnostics)
        Output.error(nothing)
        return ExitCode(1)
    }
}

/// `dossier new note "Title" [--topics a,b] [--date YYYY-MM-DD] [--site PATH]`
struct NewNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write content/notes/<slug>.md with its front matter filled in; never replaces a file.",
        discussion: "The slug is made from the title as the build makes it. Topics are names, slugs or aliases from content/topics.yml; an unknown one is an error and nothing is written."
    )

    @Argument(help: "The note's title.")
    var title: String

    @Option(help: "Topics, separated by commas (the option may be repeated).")
    var topics: [String] = []

    @Option(help: "The note's date, YYYY-MM-DD (default: today, in the local time zone).")
    var date: String?

    @Option(help: "The site folder.")
    var site: String = "."

    func validate() throws { try New.validate(date: date) }

    func run() throws {
        // The one place the clock is read: everything below takes the day as a value.
        guard let day = date.flatMap({ Day(iso: $0) }) ?? Day(Date(), in: .current) else {
            Output.error("error: the clock gives no day between the years 1 and 9999; give one with --date")
            throw ExitCode(1)
        }
        let terms = topics.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let note = try NewNote.create(title: title, topics: terms, date: day, site: URL(fileURLWithPath: site))
            print(New.shown(note.path, in: site))
        } catch let failure as AuthoringFailed {
            throw New.fail(failure, "nothing written")
        }
    }
}

/// `dossier new article FILE [--date YYYY-MM-DD] [--site PATH]`
struct NewArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Copy a scrape into content/articles/, named <date>-<words-of-headline>.txt, and inspect the copy.",
        discussion: "The name comes from the date and headline the article reader finds. The copy is made even when the article has errors; the report shows them, as 'dossier inspect' would, and the status is then 1."
    )

    @Argument(help: "The scraped article: a UTF-8 text file.")
    var file: String

    @Option(help: "The date to name the copy with, YYYY-MM-DD, for a scrape whose date the reader cannot find.")
    var date: String?

    @Option(help: "The site folder.")
    var site: String = "."

    func validate() throws { try New.validate(date: date) }

    func run() throws {
        let added: NewArticle
        do {
            added = try NewArticle.add(file: URL(fileURLWithPath: file), site: URL(fileURLWithPath: site),
                                       date: date.flatMap { Day(iso: $0) }, options: SiteFolder.buildOptions)
        } catch let failure as AuthoringFailed {
            throw New.fail(failure, "nothing copied")
        }
        print("added \(New.shown(added.path, in: site)), a copy of \(file)\n")
        print(added.inspection.text, terminator: "")
        if added.inspection.diagnostics.contains(where: { $0.severity == .error }) {
            Output.error("the copy has errors and stays in \(New.shown(added.path, in: site)): fix them there, or remove it; the build reports them until then")
            throw ExitCode(1)
        }
    }
}
