import Foundation
import Mustache

/// The Mustache layouts of `templates/`, parsed once per build. Values are HTML-escaped unless a template
/// asks otherwise with `{{{…}}}`, which the shipped templates use only for HTML the build made itself.
public struct Templates: Sendable {
    static let required = ["base", "home", "article", "note", "topics", "topic", "territory"]
    let library: MustacheLibrary
    /// Hash of every template's text, so that editing a template re-renders every page.
    let fingerprint: ContentHash

    /// Escaping is the same as Mustache's (`& < > " '`), done on bytes; the pragma that selects it is put in
    /// front of every template, so that editors write plain Mustache.
    static let contentTypeName = "DOSSIER_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}"
    private static let registration: Void = MustacheContentTypes.register(FastHTML(), named: contentTypeName)

    /// Parses every `*.mustache` file; a syntax error is reported at the template's line and column.
    static func load(from folder: URL, site siteFiles: SiteFiles, log: inout DiagnosticLog) -> Templates? {
        _ = registration
        var scanned: [String: TemplateCheck.Template] = [:]
        for (file, url) in SiteLoader.files(in: folder, ending: ".mustache") {
            let path = "templates/\(file)", name = String(file.dropLast(9))
            guard let text = SiteLoader.readText(url, path: path, from: siteFiles, log: &log) else { continue }
            let scan = TemplateScan(text)
            for problem in scan.problems {
                log.error(path, line: problem.line, column: problem.column, "template error: \(problem.message)")
            }
            scanned[name] = TemplateCheck.Template(name: name, path: path, scan: scan, text: text)
        }
        for name in required where scanned[name] == nil {
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).mustache").path) {
                log.error("templates/\(name).mustache", "missing template")
            }
        }
        // Only templates within the limits, and free of cycles, reach swift-mustache's parser and renderer.
        guard !log.hasErrors else { return nil }
        for diagnostic in TemplateCheck(templates: scanned).diagnostics(knownNames: ContextKeys.all) { log.append(diagnostic) }
        guard !log.hasErrors else { return nil }

        var library = MustacheLibrary()
        var fingerprint = ContentHash(pragma)
        for template in scanned.values.sorted(by: { $0.name < $1.name }) {
            do {
                library.register(try MustacheTemplate(string: pragma + template.text), named: template.name)
                fingerprint = fingerprint.combined(ContentHash(template.name + ".mustache\u{0}" + template.text))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? pragma.count : 0)
                log.error(template.path, line: line, column: max(1, column), "template syntax error: \(describe(error.error))")
            } catch {
                log.error(template.path, "template error: \(error)")
            }
        }
        return log.hasErrors ? nil : Templates(library: library, fingerprint: fingerprint)
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

/// Mustache's HTML escaping (`& < > " '`), done on bytes.
struct FastHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
