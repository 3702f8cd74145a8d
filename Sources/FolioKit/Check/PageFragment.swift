import Foundation

/// HTML that Folio made itself and whose links it already knows (a Markdown body, a project
/// card), as it stands verbatim inside a page. The link check reads a page without its
/// fragments and adds their links: a card is on up to a dozen pages, and a body's links are
/// known from its rewrite, so most of a site's bytes need not pass through libxml2's HTML
/// parser, the slowest step of a first build.
final class PageFragment: @unchecked Sendable {
    let html: String
    private let lock = NSLock()
    private var known: PageLinks?

    init(html: String, links: PageLinks) {
        self.html = html
        known = links
    }

    /// A fragment read for its links the first time a page needs them: a rebuild whose pages
    /// are all unchanged never reads its cards.
    init(html: String) {
        self.html = html
    }

    var links: PageLinks {
        lock.withLock {
            if let known { return known }
            let scanned = PageLinkScanner.scan(Data(html.utf8))
            known = scanned
            return scanned
        }
    }

    /// The links of `page`, which holds `fragments` in this order, each a run of whole elements.
    /// When one is not found verbatim (a template that escaped or dropped it), the whole page is
    /// read instead.
    static func links(of page: Data, madeOf fragments: [PageFragment]) -> PageLinks {
        guard !fragments.isEmpty else { return PageLinkScanner.scan(page) }
        var links = PageLinks()
        var rest = Data()
        rest.reserveCapacity(page.count)
        let found: Bool = page.withUnsafeBytes { pageBytes in
            var position = 0
            // An empty body holds no links and stands nowhere in particular.
            for fragment in fragments where !fragment.html.isEmpty {
                var html = fragment.html
                let located = html.withUTF8 { ByteSearch.firstOffset(of: UnsafeRawBufferPointer($0), in: pageBytes, from: position) }
                let length = html.utf8.count
                guard let start = located else { return false }
                rest.append(contentsOf: pageBytes[position..<start])
                position = start + length
                links.add(fragment.links)
            }
            rest.append(contentsOf: pageBytes[position...])
            return true
        }
        guard found else { return PageLinkScanner.scan(page) }
        links.add(PageLinkScanner.scan(rest))
        return links
    }
}
