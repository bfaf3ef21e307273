import DossierKit
import Foundation

/// What the commands print: results on standard output, problems and timings on standard error.
enum Output {
    /// One line on standard output, written at once (a server's output is read as it goes).
    static func line(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// One line on standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Each diagnostic, compiler style, on standard error.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
    }

    /// Prints `diagnostics`, then "<what> failed: 2 errors, 1 warning" and `then`.
    static func failed(_ what: String, _ diagnostics: [Diagnostic], then: String = "") {
        self.diagnostics(diagnostics)
        let errors = diagnostics.count { $0.severity == .error }
        error("\(what) failed: \(count(errors, "error")), \(count(diagnostics.count - errors, "warning"))\(then)")
    }

    /// "1 note", "2 notes".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
