import Foundation
import Testing
@testable import FolioKit

/// The link check reads a page without the fragments whose links it already knows (bodies,
/// cards); what it finds must be exactly what reading the whole page finds.
@Suite struct PageFragmentTests {
    func fullScan(_ html: String) -> PageLinks { PageLinkScanner.scan(Data(html.utf8)) }

    func same(_ a: PageLinks, _ b: PageLinks) -> Bool {
        a.ids == b.ids && a.references.map { "\($0.isResource) \($0.value)" }.sorted() == b.references.map { "\($0.isResource) \($0.value)" }.sorted()
    }

    @Test func aPageWithoutItsFragmentsPlusTheirLinksIsThePage() {
        let card = #"<li class="card"><h2 id="c1"><a href="../projects/a.html">A</a></h2><img src="../media/a.svg" alt=""></li>"#
        let body = ##"<h2 id="goals">Goals</h2><p>See <a href="#goals">above</a> and <a href="b.html#x">b</a>.</p>"##
        let page = "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"../assets/folio.css\"></head><body><main id=\"main\"><div class=\"prose\">"
            + body + "</div><ol>" + card + "\n</ol></main></body></html>"
        let fragments = [PageFragment(html: body, links: fullScan(body)), PageFragment(html: card, links: fullScan(card))]
        let links = PageFragment.links(of: Data(page.utf8), madeOf: fragments)
        #expect(same(links, fullScan(page)))
        #expect(links.ids == ["main", "goals", "c1"])
    }

    @Test func aFragmentNotFoundVerbatimMeansTheWholePageIsRead() {
        let page = "<html><body><p id=\"p\"><a href=\"x.html\">x</a></p></body></html>"
        // Made up links that the page does not hold: they must not be believed.
        var invented = PageLinks()
        invented.references = [("nowhere.html", false)]
        let links = PageFragment.links(of: Data(page.utf8), madeOf: [PageFragment(html: "<p>absent</p>", links: invented)])
        #expect(same(links, fullScan(page)))
    }

    /// Layouts the templates cannot follow: every page is read, without its fragments.
    @Test func everyBuiltPageHasTheLinksAFullReadFinds() throws {
        let fixture = try BuildTests()
        let layouts = try ScratchLayouts()
        try layouts.makeEveryPageRead()
        let real = BuildTests.repository.appendingPathComponent("Content")
        for content in [fixture.content, real] {
            let output = fixture.folder.appendingPathComponent("Out-\(content.lastPathComponent)")
            let report = Pipeline.build(.init(content: content, layouts: layouts.url, output: output))
            #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
            let recorded = LinkScanCache(readingFrom: CacheFolder(output: output).file(LinkScanCache.fileName))
            let pages = FileTree.files(in: output).filter { $0.hasSuffix(".html") }
            #expect(pages.count > 10)
            for page in pages {
                let data = try Data(contentsOf: output.appendingPathComponent(page))
                let links = try #require(recorded.links(for: LinkScanCache.Digest(data)), "\(page)")
                #expect(same(links, PageLinkScanner.scan(data)), "\(page)")
            }
        }
    }
}
