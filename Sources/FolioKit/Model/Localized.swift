/// A text `site.yaml` may give per language: a map of language code to text, or one text for
/// every language. The default language's text is always there, so every language has something
/// to show; `isTranslated(in:)` tells whether what it shows is its own.
public struct Localized<Value: Sendable>: Sendable {
    /// The default language's value (or the one value for all languages).
    public var fallback: Value
    /// Values by language code; empty when one value serves every language.
    public var byLanguage: [String: Value]

    public init(_ value: Value) {
        self.fallback = value
        self.byLanguage = [:]
    }

    public init(fallback: Value, byLanguage: [String: Value]) {
        self.fallback = fallback
        self.byLanguage = byLanguage
    }

    /// The value in `code`, or the default language's when `code` has none.
    public func text(in code: String) -> Value {
        byLanguage[code] ?? fallback
    }

    /// A plain value serves every language, so it counts as translated.
    public func isTranslated(in code: String) -> Bool {
        byLanguage.isEmpty || byLanguage[code] != nil
    }
}
