/// How diagnostics are printed: for a terminal, or as GitHub annotations on a pull request.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case human
    case github

    /// One line for one diagnostic. `displayPath` turns a content-relative path into the path the
    /// reader should open (relative to the current directory).
    public func line(for diagnostic: Diagnostic, displayPath: (String) -> String) -> String {
        let path = displayPath(diagnostic.location.file)
        let loc = diagnostic.location
        switch self {
        case .human:
            return "\(path):\(loc.line):\(loc.column): \(diagnostic.severity.rawValue): \(diagnostic.text)"
        case .github:
            // GitHub's workflow-command syntax: the message must not contain raw newlines or '%'.
            let message = diagnostic.text
                .replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            return "::\(diagnostic.severity.rawValue) file=\(path),line=\(loc.line),col=\(loc.column)::\(message)"
        }
    }

    /// `3 errors in 2 files`, `1 error and 2 warnings in 3 files`, or `no problems`.
    public static func summary(of diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.location.file)).count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if parts.isEmpty { return "no problems" }
        return parts.joined(separator: " and ") + " in " + plural(files, "file")
    }
}

import Foundation
