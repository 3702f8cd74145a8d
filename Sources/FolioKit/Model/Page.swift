/// A free page: `pages/<slug>.md`.
public struct Page: Sendable {
    public var slug: String
    public var source: SourceFile
    public var title: String
    public var menuOrder: Int?
    public var body: MarkdownDocument
}
