/// Collects the diagnostics of one file as it is read, so that all problems are reported, not
/// only the first. Each loader owns one; it never crosses threads.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    func error(at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(at: location, message, suggestion: suggestion))
    }

    func warning(at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.warning(at: location, message, suggestion: suggestion))
    }

    func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
