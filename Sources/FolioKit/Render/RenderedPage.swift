/// A page as its template rendered it, with what the link check needs to know of it: its links
/// when the templates could tell them, else the fragments whose links are known, so that only
/// the rest of the page is read.
struct RenderedPage: Sendable {
    var file: OutputFile
    var links: PageLinks?
    var fragments: [PageFragment]
}
