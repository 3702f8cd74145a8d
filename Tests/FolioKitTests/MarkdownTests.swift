import Foundation
import FoundationXML
import Testing
@testable import FolioKit

@Suite struct MarkdownTests {
    let source = """
    ## Challenge & Goals

    Text with a footnote[^1], a [link](../projects/b.md#results) and <script>alert(1)</script>.

    | a | b |
    |:--|--:|
    | 1 | 2 |

    - [x] done
    - [ ] open

    [bad](javascript:alert(1)) ~~gone~~ https://example.org

    ![Drone over a field](../media/drone.svg)

    ## Challenge & Goals

    [^1]: The note.
    """

    @Test func collectsReferencesAtFileLines() {
        let document = MarkdownParser.parse(source, file: "projects/a.md", firstLine: 10)
        let link = document.references.first { $0.destination == "../projects/b.md#results" }
        #expect(link?.location.line == 12)
        #expect(link?.location.column == 29)
        let image = document.references.first { $0.isImage }
        #expect(image?.text == "Drone over a field")
        #expect(image?.location.line == 23)
        #expect(document.headings.map(\.id) == ["challenge--goals", "challenge--goals-1"])
    }

    @Test func rewrittenHTMLIsWellFormedAndSafe() throws {
        let document = MarkdownParser.parse(source, file: "projects/a.md", firstLine: 1)
        let rewriter = HTMLRewriter(idPrefix: "a--", footnoteBackLabel: "Back") { destination, isImage in
            destination.hasSuffix(".md#results") ? .replace("b.html#results") : isImage ? .replace("../media/drone.svg") : .keep
        }
        let html = rewriter.rewrite(document)
        #expect(html.contains("<h2 id=\"a--challenge--goals\">"))
        #expect(html.contains("href=\"b.html#results\""))
        #expect(html.contains("id=\"a--fn-1\"") || html.contains("id=\"a--fn1\""))
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("text-align: left") || html.contains("text-align:left"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("href=\"https://example.org\""))
        #expect(!html.contains("align=\""))
        let parser = XMLParser(data: Data(("<div>" + html + "</div>").utf8))
        #expect(parser.parse(), "not well-formed: \(html)")
    }

    @Test func linksOnLaterLinesOfAParagraphKeepTheirLine() {
        let document = MarkdownParser.parse("First line\nsecond [x](a.md) and\n  third [y](b.md)", file: "p.md", firstLine: 5)
        #expect(document.references.map(\.location.line) == [6, 7])
        #expect(document.references.map(\.location.column) == [8, 9])
    }

    @Test func unwrapKeepsText() {
        let document = MarkdownParser.parse("See [the page](x.md) now.", file: "pages/a.md", firstLine: 1)
        let html = HTMLRewriter { _, _ in .unwrap }.rewrite(document)
        #expect(html.contains("See the page now."))
        #expect(!html.contains("<a"))
    }
}
