import Yams

/// A file split into its optional YAML front matter and its body, with the line numbers needed to map
/// positions in either part back to the file.
struct FrontMatter {
    /// The `---` block's fields, or `nil` when the file has none.
    var fields: YAMLFields?
    var body: String
    /// File line (1-based) on which `body` starts.
    var bodyLine: Int

    /// Splits `text`; reports an unclosed block or invalid YAML into `log` and returns `nil` for those.
    static func parse(_ text: String, path: String, log: inout DiagnosticLog) -> FrontMatter? {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return FrontMatter(fields: nil, body: text, bodyLine: 1)
        }
        // Line by line over the bytes: a 20 MB body is never split into lines.
        let utf8 = text.utf8
        guard var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map({ utf8.index(after: $0) }) else {
            log.error(path, line: 1, column: 1, "front matter is not closed: add a line '---' after its last field")
            return nil
        }
        let yamlStart = lineStart
        var yamlLineCount = 0
        var closing: (start: String.Index, end: String.Index)?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            if line == "---" || line == "..." {
                closing = (lineStart, lineEnd)
                break
            }
            yamlLineCount += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        guard let closing else {
            log.error(path, line: 1, column: 1, "front matter is not closed: add a line '---' after its last field")
            return nil
        }
        let yaml = String(text[yamlStart..<closing.start])
        let bodyStart = closing.end < utf8.endIndex ? utf8.index(after: closing.end) : closing.end
        let bodyLine = yamlLineCount + 3
        do {
            let node = try YAMLDocument.compose(yaml, path: path, lineOffset: 1)
            let fields = try YAMLFields(node: node, path: path, lineOffset: 1)
            return FrontMatter(fields: fields, body: String(text[bodyStart...]), bodyLine: bodyLine)
        } catch let error as Diagnostic {
            log.append(error)
        } catch {
            log.error(path, line: 2, "front matter: \(error)")
        }
        return nil
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}

extension Diagnostic: Error {}

extension YamlError {
    /// The error at its place in the file: libyaml's line is relative to the YAML text, which starts after
    /// `lineOffset` lines of the file.
    func diagnostic(path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String, _ context: Context?) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return Diagnostic(.error, path, line: mark.line + lineOffset, column: mark.column, message)
        }
        switch self {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return at(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return at(context.mark, "duplicate keys \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", nil)
        default:
            return Diagnostic(.error, path, line: 1 + lineOffset, "invalid YAML: \(self)")
        }
    }
}
