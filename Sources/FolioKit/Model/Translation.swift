/// A translation file beside its source (`projects/agri-sat.es.md`): the words of one project,
/// news item or page in one language. Facts never come from here: they stay with the source.
public struct Translation: Sendable {
    public enum Section: String, Sendable, CaseIterable {
        case projects, news, pages
    }

    public var section: Section
    /// The source's slug (`agri-sat`).
    public var slug: String
    /// The language code from the file name, where it is written.
    public var language: Located<String>
    public var source: SourceFile
    public var title: String?
    public var acronym: String?
    public var summary: Located<String>?
    /// A news item's `event: {place}`.
    public var place: String?
    /// Nil when the file has no body: the source's body is shown, marked as untranslated.
    public var body: MarkdownDocument?

    /// The source file's path: `projects/agri-sat.md`.
    public var sourcePath: String { "\(section.rawValue)/\(slug).md" }
}
