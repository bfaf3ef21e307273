import Foundation
import Mustache

/// The Mustache layouts of `templates/`, parsed once per build. Values are HTML-escaped unless a template
/// asks otherwise with `{{{…}}}`, which the shipped templates use only for HTML the build made itself.
public struct Templates: Sendable {
    static let required = ["base", "home", "article", "note", "topics", "topic", "territory"]
    let library: MustacheLibrary

    /// Parses every `*.mustache` file; a syntax error is reported at the template's line and column.
    static func load(from folder: URL, log: inout DiagnosticLog) -> Templates? {
        var library = MustacheLibrary()
        var found = Set<String>()
        for (name, url) in SiteLoader.files(in: folder, ending: ".mustache") {
            let path = "templates/\(name)"
            guard let text = SiteLoader.readText(url, path: path, log: &log) else { continue }
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(9)))
                found.insert(String(name.dropLast(9)))
            } catch let error as MustacheTemplate.ParserError {
                log.error(path, line: error.context.lineNumber, column: error.context.columnNumber,
                          "template syntax error: \(describe(error.error))")
            } catch {
                log.error(path, "template error: \(error)")
            }
        }
        for name in required where !found.contains(name) {
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).mustache").path) {
                log.error("templates/\(name).mustache", "missing template")
            }
        }
        return log.hasErrors ? nil : Templates(library: library)
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name that does not match its opening tag"
        case .unfinishedName: return "a tag is not closed ('}}' missing)"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}
