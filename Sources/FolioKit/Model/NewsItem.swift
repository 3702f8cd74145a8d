/// One news item or event: `news/<YYYY-MM-DD>-<slug>.md`.
public struct NewsItem: Sendable {
    public struct Event: Sendable {
        public var start: Located<String>
        public var end: Located<String>?
        public var place: String
    }

    /// The file name without `.md`, date included (`2017-09-05-open-call-closes`).
    public var slug: String
    public var source: SourceFile
    public var title: String
    /// YYYY-MM-DD
    public var date: Located<String>
    public var summary: Located<String>
    public var tags: [String]
    public var image: FrontMatterImage?
    public var event: Event?
    public var body: MarkdownDocument
}
