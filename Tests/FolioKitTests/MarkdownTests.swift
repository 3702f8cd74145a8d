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

    @Test func bodiesAreXMLOnceFootnoteAttributesHaveValues() {
        let document = MarkdownParser.parse(source + "\n\nMentioning data-footnote-ref in text[^2].\n\n[^2]: More.", file: "projects/a.md", firstLine: 1)
        #expect(document.html.contains("data-footnote-ref=\"\""))
        #expect(document.html.contains("data-footnotes=\"\""))
        #expect(document.html.contains("data-footnote-backref=\"\""))
        #expect(document.html.contains("Mentioning data-footnote-ref in text"))
        let parser = XMLParser(data: Data(("<div>" + document.html + "</div>").utf8))
        #expect(parser.parse(), "not XML: \(document.html)")
    }

    @Test func aBodyTheXMLParserRefusesIsStillRewritten() {
        let document = MarkdownDocument(html: "<p>One<br>two <a href=\"x.md\">link</a></p>\n", references: [], headings: [], plainText: "")
        let html = HTMLRewriter { _, _ in .replace("x.html") }.rewrite(document)
        #expect(html == "<p>One<br />two <a href=\"x.html\">link</a></p>\n")
    }
}
