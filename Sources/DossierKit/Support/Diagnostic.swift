/// A problem found in the site's input, reported the way a compiler does:
/// `content/notes/x.md:4:7: error: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// Path relative to the site folder.
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line ?? 0, a.column ?? 0, a.message) < (b.path, b.line ?? 0, b.column ?? 0, b.message)
    }
}

/// Collects every problem of a build so that one run reports them all.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { items.sorted() }

    mutating func error(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        items.append(Diagnostic(.error, path, line: line, column: column, message))
    }

    mutating func warning(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        items.append(Diagnostic(.warning, path, line: line, column: column, message))
    }

    mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    mutating func append(contentsOf other: DiagnosticLog) { items += other.items }
}

/// Thrown when a build found errors; carries every diagnostic, warnings included.
public struct BuildFailed: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
