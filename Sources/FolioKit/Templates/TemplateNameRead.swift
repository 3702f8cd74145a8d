/// A name a template's tag reads (`{{strings.nav.home}}`, `{{#strings.footer}}`), where it is
/// written, as the template parser met it: what `InterfaceStrings` checks `strings.yaml` against.
public struct TemplateNameRead: Sendable, Equatable {
    public var name: String
    public var line: Int
    public var column: Int
    /// Opened as a section (`{{#…}}`, `{{^…}}`), where any type will do, rather than written as text.
    public var isSection: Bool
}
