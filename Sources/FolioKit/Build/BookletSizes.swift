/// One language's EPUB and PDF as a build made them: what its home and booklet pages say of them.
struct BookletSizes: Sendable {
    var epubBytes: Int?
    var pdf: SiteRenderer.PDFFacts?
}
