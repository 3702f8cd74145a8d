/// A Markdown body parsed once and kept as plain values, so that the site, the search data and the
/// booklet all reuse one parse.
public struct MarkdownDocument: Sendable {
    /// A link or image destination as written, with where it was written.
    public struct Reference: Sendable {
        public var destination: String
        public var location: SourceLocation
        public var isImage: Bool
        /// The image's alt text (empty for links).
        public var text: String
        /// The image's title (`![](x.png "decorative")`; empty for links).
        public var title: String = ""
    }

    public struct Heading: Sendable {
        public var level: Int
        public var text: String
        /// GitHub-style anchor id, unique within the document.
        public var id: String
        /// Where the heading starts in its file.
        public var line: Int
    }

    /// cmark-gfm's HTML read into a tree (`CleanedBody`): only the elements and attributes of
    /// `MarkupAllowList`, no raw HTML, no URL with another scheme than http(s), mailto or tel;
    /// destinations not yet rewritten, headings without ids (`HTMLRewriter` adds them).
    public var tree: BodyTree
    public var references: [Reference]
    public var headings: [Heading]
    /// The words of the body, for search and word counts.
    public var plainText: String

    public init(tree: BodyTree, references: [Reference], headings: [Heading], plainText: String) {
        self.tree = tree
        self.references = references
        self.headings = headings
        self.plainText = plainText
    }

    /// A body given as markup (well-formed XHTML, or HTML), read with libxml2.
    public init(html: String, references: [Reference], headings: [Heading], plainText: String) {
        self.init(tree: BodyTree(markup: html), references: references, headings: headings, plainText: plainText)
    }

    /// The tree as well-formed XHTML.
    public var html: String { tree.xhtml }

    public var anchorIDs: Set<String> { Set(headings.map(\.id)) }

    public static let empty = MarkdownDocument(tree: .empty, references: [], headings: [], plainText: "")
}
