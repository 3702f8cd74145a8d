/// A template that cannot compile: where (the template's own line and column, as written) and why.
public struct TemplateError: Error, Sendable, Equatable {
    public var template: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A near miss the designer probably meant.
    public var suggestion: String?

    public init(template: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }
}
