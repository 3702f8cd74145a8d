/// One problem found in the input, reported compiler-style.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A near miss the editor probably meant, shown as `did you mean '…'?`.
    public var suggestion: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func error(at location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, suggestion: suggestion)
    }

    public static func warning(at location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, suggestion: suggestion)
    }

    /// The full message, hint included.
    public var text: String {
        guard let suggestion else { return message }
        return "\(message); did you mean '\(suggestion)'?"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.message) < (b.location, b.severity, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can end a stage early (`Result<_, Diagnostic>`) when nothing after it can go on.
extension Diagnostic: Error {}
