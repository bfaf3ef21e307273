import Foundation

/// A scrape as `dossier new article` adds it: copied byte for byte into `content/articles/`, named
/// `<date>-<words-of-headline>.txt` from what the article reader makes of it, then inspected as the build reads it.
public struct NewArticle: Sendable {
    /// `content/articles/<name>.txt`, relative to the site folder.
    public var path: String
    /// What `dossier inspect` reports for the copy.
    public var inspection: Inspection

    /// At most this many of the headline's words name the file: enough to tell articles of one day apart.
    static let maxWords = 6
    /// And at most this many Unicode scalars, so that any name stays far below a file system's 255 bytes.
    static let maxLength = 40

    /// `2025-02-15-ukraine-pushes-deeper-into-kursk`: the date, then the headline's slug cut after its last whole word
    /// within `maxWords` and `maxLength` (a first word longer than that is cut short). `nil` when the headline has
    /// no letter or digit.
    static func name(headline: String, date: Day) -> String? {
        let words = Slug.make(headline).split(separator: "-")
        guard let first = words.first else { return nil }
        var kept = ""
        for word in words.prefix(maxWords) {
            let longer = kept.isEmpty ? String(word) : kept + "-" + word
            if longer.unicodeScalars.count > maxLength { break }
            kept = longer
        }
        if kept.isEmpty {
            // Whole characters as far as they fit; a single character longer than that (a pile of combining marks)
            // is cut too, so that a name is never empty.
            var length = 0
            for character in first {
                length += character.unicodeScalars.count
                if length > maxLength { break }
                kept.append(character)
            }
            if kept.isEmpty { kept = String(String.UnicodeScalarView(first.unicodeScalars.prefix(maxLength))) }
        }
        return date.iso + "-" + kept
    }

    /// Reads `file` with the article reader, names the copy from the date and headline it finds, copies the bytes
    /// into `site`'s `content/articles/` without replacing anything (`O_EXCL`), and inspects the copy as
    /// `dossier inspect` would. `date` is for a scrape whose date the reader cannot find: the copy's name then
    /// carries it, and the build takes an article's date from its name when the text gives none. Throws
    /// `AuthoringFailed`, having copied nothing, when the file is not a readable UTF-8 text file, or no name can
    /// be made. An article with other errors is copied; its inspection shows them.
    public static func add(file: URL, site: URL, date: Day? = nil, options: BuildOptions = BuildOptions()) throws -> NewArticle {
        var log = DiagnosticLog()
        let shown = Inspection.relativePath(of: file, in: site)
        let folder = NewFile.folder("articles", in: site, log: &log)
        guard let (bytes, text) = read(file, shown: shown, log: &log) else { throw AuthoringFailed(diagnostics: log.items) }
        // The reader falls back on a `YYYY-MM-DD-` prefix of the scrape's own name, so that is kept where it can be.
        let stem = Slug.make(file.deletingPathExtension().lastPathComponent)
        let id = Slug.problem(with: stem) == nil ? stem : "scrape"
        // The reader's own problems do not stop the copy (its inspection shows them); its errors are told only to
        // explain a refusal. Its warnings of a missing headline or date would repeat the refusal's own words.
        var readerLog = DiagnosticLog()
        guard let (article, _) = ArticleLoader.read(text, path: shown, id: id, matcher: TopicMatcher(topics: []), log: &readerLog) else {
            throw AuthoringFailed(diagnostics: log.items + readerLog.items)
        }
        let name = Self.name(of: article, date: date, shown: shown, log: &log)
        // The file itself, links resolved: a link to a file in content/articles is that file.
        let source = Paths.real(file.path).map { ($0 as NSString).deletingLastPathComponent }
        if let folder, let real = Paths.real(folder.path), source == real {
            log.error(shown, "is in content/articles already, where the build reads it as it is; rename it there instead of adding a copy")
        }
        let target = name.flatMap { name in folder.map { $0.appendingPathComponent(name + ".txt") } }
        let path = name.map { "content/articles/\($0).txt" } ?? "content/articles"
        if let target, NewFile.exists(target) { log.error(path, Self.exists) }
        guard !log.hasErrors, let target else {
            throw AuthoringFailed(diagnostics: readerLog.items.filter { $0.severity == .error } + log.items)
        }
        switch NewFile.create(bytes, at: target) {
        case .created: break
        case .exists: throw AuthoringFailed(diagnostics: [Diagnostic(.error, path, Self.exists)])
        case .failed(let problem): throw AuthoringFailed(diagnostics: [Diagnostic(.error, path, "cannot be written: \(problem)")])
        }
        do {
            return NewArticle(path: path, inspection: try Inspection.inspect(file: target, site: site, options: options))
        } catch {
            throw AuthoringFailed(diagnostics: [Diagnostic(.error, path, "was copied but cannot be read back: \(error.localizedDescription)")])
        }
    }

    /// The copy's name from the headline and date the reader found in `article`, `date` standing in for a date it
    /// did not find; `nil` with an error in `log` for each thing missing.
    private static func name(of article: Article, date: Day?, shown: String, log: inout DiagnosticLog) -> String? {
        if let date, let found = article.date, found != date {
            log.error(shown, "the article gives its date as \(found.iso); --date is for an article whose date the reader cannot find (leave it out, or set 'date:' in the scrape's front matter)")
        }
        let day = article.date ?? date
        if day == nil {
            log.error(shown, "no date found to name the copy from: give it with --date YYYY-MM-DD (the build takes an article's date from its file name when the text has none), or add 'date:' front matter to the scrape")
        }
        guard let title = article.title else {
            log.error(shown, "no headline found to name the copy from; add 'title:' front matter to the scrape (a page shows an untitled article by its file name, so only a headline names one)")
            return nil
        }
        if Slug.make(title).isEmpty {
            log.error(shown, "the headline '\(title)' has no letters or digits to name the copy from; add 'title:' front matter to the scrape")
        }
        return day.flatMap { name(headline: title, date: $0) }
    }

    static let exists = "already exists and is left as it is (was this scrape added before?); nothing is copied"

    /// The bytes of `file` and their text, if it is a regular file of UTF-8 text within the build's limits.
    private static func read(_ file: URL, shown: String, log: inout DiagnosticLog) -> (Data, String)? {
        guard NewFile.exists(file) else {
            log.error(shown, "does not exist")
            return nil
        }
        guard let bytes = SiteFiles.regularFile(at: file, path: shown, log: &log),
              let text = SiteLoader.decodeText(bytes, path: shown, log: &log) else { return nil }
        return (bytes, text)
    }
}
