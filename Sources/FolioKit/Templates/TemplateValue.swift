/// A value a template reads. Typed, so that rendering switches on these five cases instead of
/// casting `Any` at every lookup.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    /// Yes/no: a section renders when true, an inverted section when false.
    case flag(Bool)
    /// A section renders once per element; empty counts as absent.
    case list([TemplateValue])
    case object(TemplateObject)

    /// Optional text: nil leaves a value out (a present empty string still counts as set).
    public static func text(ifSet text: String?) -> TemplateValue? {
        text.map(TemplateValue.text)
    }

    public var object: TemplateObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}
