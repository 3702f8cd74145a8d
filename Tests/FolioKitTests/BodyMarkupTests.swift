import Foundation
import Testing
@testable import FolioKit

/// Bodies are cut once at load and written per output by joining runs; the tree rewrite stays as
/// the reference. Each output's rules must give the same bytes and the same links either way.
@Suite struct BodyMarkupTests {
    /// The three outputs' kinds of rule: site page, single-page booklet (prefixed ids, headings
    /// pushed down), EPUB (prefixed ids); each keeps, replaces and unwraps some destinations.
    static let rewriters: [HTMLRewriter] = [
        HTMLRewriter(footnoteBackLabel: "Back to the text") { destination, _ in
            destination.hasSuffix(".md") || destination.contains(".md#") ? .replace("../projects/x.html#a") : .keep
        },
        HTMLRewriter(idPrefix: "slug--", footnoteBackLabel: "Zurück \"&\" <", headingShift: 2) { destination, isImage in
            isImage ? .unwrap : destination.contains("missing") ? .unwrap : .replace("#other--" + destination)
        },
        HTMLRewriter(idPrefix: "p--") { destination, isImage in
            isImage ? .replace("media/a b.png") : destination.hasPrefix("http") ? .keep : .unwrap
        },
    ]

    static let edgeCases = """
    # Café résumé & "quotes"

    Text[^note] with [a link](b.md#results "A <title>") and [a missing one](missing.md), \
    [a query](https://example.org/ñandú?a=1&b=2) and [same page](#café-résumé--quotes).

    [![Alt <with> & marks](../media/pic.png)](missing.md)

    ![Only an image](../media/only.png) ![](../media/empty-alt.png)

    ### Deep heading

    ###### Six

    | x | y |
    |---|---|
    | [in a table](c.md) | `code <a href>` |

    [^note]: A note with [a link](d.md).
    """

    private func expectSameOutput(_ document: MarkdownDocument, _ label: String) {
        for (index, rewriter) in Self.rewriters.enumerated() {
            let cut = rewriter.rewritten(document)
            let tree = rewriter.rewrittenTree(document)
            #expect(cut.html == tree.html, "\(label), rule \(index)")
            #expect(cut.links.ids == tree.links.ids, "\(label), rule \(index)")
            #expect(cut.links.references.map { "\($0.value) \($0.isResource)" } == tree.links.references.map { "\($0.value) \($0.isResource)" },
                    "\(label), rule \(index)")
        }
    }

    @Test func edgeCasesWriteWhatTheTreeRewriteWrites() throws {
        let document = MarkdownParser.parse(Self.edgeCases, file: "projects/a.md", firstLine: 1)
        #expect(document.markup != nil)
        expectSameOutput(document, "edge cases")
        // The rules do act: an unwrapped image leaves its alt text, headings move down.
        let booklet = Self.rewriters[1].rewritten(document).html
        #expect(booklet.contains("Alt &lt;with&gt; &amp; marks"))
        #expect(booklet.contains("<h3 id=\"slug--café-résumé--quotes\">"))
        #expect(!booklet.contains("missing.md"))
    }

    @Test func everyBodyOfTheRealContentIsCutAndWritesTheSame() throws {
        let content = try #require(Pipeline.check(contentFolder: BuildTests.repository.appendingPathComponent("Content")).content)
        let bodies = content.projects.map { ($0.source.path, $0.body) } + content.news.map { ($0.source.path, $0.body) }
            + content.pages.map { ($0.source.path, $0.body) }
        #expect(bodies.count > 50)
        for (path, body) in bodies {
            #expect(body.html.isEmpty || body.markup != nil, "\(path) was not cut")
            expectSameOutput(body, path)
        }
    }

    @Test func aBodyHoldingTheMarksIsRewrittenOnTheTree() {
        let document = MarkdownParser.parse("Private \u{E000}0\u{E001} use and a [link](b.md).", file: "pages/a.md", firstLine: 1)
        #expect(document.markup == nil)
        let html = Self.rewriters[0].rewritten(document).html
        #expect(html.contains("\u{E000}0\u{E001}"))
        #expect(html.contains("href=\"../projects/x.html#a\""))
    }
}
