import Foundation
import Mustache

/// The Mustache layouts of `templates/`, parsed once per build. Values are HTML-escaped unless a template
/// asks otherwise with `{{{…}}}`, which the shipped templates use only for HTML the build made itself.
public struct Templates: Sendable {
    let library: MustacheLibrary
    /// Hash of every template's text, so that editing a template re-renders every page.
    let fingerprint: ContentHash
    /// Each template's tags and ids, by name.
    let scans: [String: TemplateScan]

    /// Escaping is the same as Mustache's (`& < > " '`), done on bytes; the pragma that selects it is put in
    /// front of every template, so that editors write plain Mustache.
    static let contentTypeName = "DOSSIER_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}"
    private static let registration: Void = MustacheContentTypes.register(FastHTML(), named: contentTypeName)

    /// Parses every `*.mustache` file; a syntax error is reported at the template's line and column.
    static func load(from folder: URL, site siteFiles: SiteFiles, log: inout DiagnosticLog) -> Templates? {
        // The templates' own problems decide whether they load, not the content's: the link check needs them.
        var templateLog = DiagnosticLog()
        defer { log.append(contentsOf: templateLog) }
        return load(from: folder, site: siteFiles, templateLog: &templateLog)
    }

    private static func load(from folder: URL, site siteFiles: SiteFiles, templateLog log: inout DiagnosticLog) -> Templates? {
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
        // Only templates within the limits, and free of cycles, reach swift-mustache's parser and renderer.
        guard !log.hasErrors else { return nil }
        for diagnostic in TemplateCheck(templates: scanned).diagnostics(schemas: PageRenderer.schemas, shared: PageRenderer.sharedSchema) {
            log.append(diagnostic)
        }
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
        return log.hasErrors ? nil : Templates(library: library, fingerprint: fingerprint, scans: scanned.mapValues(\.scan))
    }

    /// A missing template is an error only when a page of the site needs it: a site without the territory part
    /// needs no `territory.mustache`.
    func checkPresent(_ names: [String], log: inout DiagnosticLog) {
        for name in names where scans[name] == nil { log.error("templates/\(name).mustache", "missing template") }
    }

    /// Renders `value` with the template `name`; fails only for a template that does not exist.
    func render(_ value: TemplateValue, with name: String) throws(RenderFailed) -> String {
        guard let text = library.render(value, withTemplate: name) else { throw RenderFailed(template: name) }
        return text
    }

    /// The ids the template `name` writes as plain text, with those of its layout and partials.
    func staticIDs(of name: String) -> [TemplateScan.StaticID] {
        var seen: Set<String> = [], queue = [name], ids: [TemplateScan.StaticID] = []
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let scan = scans[next] else { continue }
            ids += scan.ids
            queue += scan.tags.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name)
        }
        return ids
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

/// A page whose template could not be rendered.
struct RenderFailed: Error {
    var template: String
    var diagnostic: Diagnostic {
        Diagnostic(.error, "templates/\(template).mustache", line: 1, column: 1, "cannot render: no template '\(template)'")
    }
}

/// Mustache's HTML escaping (`& < > " '`), done on bytes.
struct FastHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
