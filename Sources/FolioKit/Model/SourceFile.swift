/// A content file as read from disk: where it is and what it says.
public struct SourceFile: Sendable {
    /// Path relative to the content folder, with `/` separators (`projects/agri-sat.md`).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
