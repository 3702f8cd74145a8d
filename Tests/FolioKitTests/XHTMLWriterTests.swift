import CCmarkGFM
import CLibXML2
import Foundation
import Testing
@testable import FolioKit

/// `XHTMLWriter` writes a body's tree byte for byte as libxml2's XHTML writer does: compared on
/// every body of Content/, the fuzz test's hostile inputs and bodies made at random from its
/// pieces, and the attribute values libxml2 escapes in its own way.
@Suite struct XHTMLWriterTests {
    /// Both writings of one body as loaded: libxml2's, and the tree's.
    private static func writings(of markdown: String) -> (libxml2: String, tree: String)? {
        var result: (String, String)?
        _ = MarkdownParser.withTree(markdown) { root, parser in
            let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
            guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return }
            defer { free(rendered) }
            result = CleanedBody.withBody(fromCmarkHTML: String(cString: rendered), headingIDs: []) { body in
                (LibXML.serialiseChildren(of: body), BodyTree(childrenOf: body).xhtml)
            }
        }
        return result
    }

    private static func expectSameWriting(_ markdown: String, _ comment: String) {
        guard let (libxml2, tree) = writings(of: markdown) else { return }
        #expect(tree == libxml2, "\(comment): \(markdown.debugDescription)")
    }

    @Test func escapesAsLibXML2Does() {
        let markdown = """
        Text with <angle> & "quotes" 'apostrophes' café 😀 and a\u{D}carriage return.

        [link](x.md "a \\"title\\" with\ttab, café, <angle> & more") ![alt é "q" <a>](a.png "decorative")

        - [x] done
        - [ ] open

        | a | b |
        |:-:|--:|
        | 1 | 2 |

        Note[^café].

        [^café]: A note.

        ---

        Line  \nbreak `code <x> & y`

        ```swift
        let x = "<y>" && z
        ```
        """
        Self.expectSameWriting(markdown, "escaping")
    }

    @Test func writesEveryContentBodyAsLibXML2() throws {
        let content = BuildTests.repository.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            Self.expectSameWriting(text, file)
        }
    }

    @Test func writesHostileAndRandomBodiesAsLibXML2() {
        for (index, input) in MarkdownFuzzTests.hostile.enumerated() { Self.expectSameWriting(input, "hostile \(index)") }
        var generator = SeededGenerator(state: 23)
        for index in 0..<2_000 { Self.expectSameWriting(MarkdownFuzzTests.randomInput(&generator), "random \(index)") }
    }

    /// A rewritten body without pictures is XHTML that libxml2 reads and writes back unchanged.
    @Test func rewrittenBodiesAreWhatLibXML2WritesBack() {
        var generator = SeededGenerator(state: 29)
        let inputs = MarkdownFuzzTests.hostile + (0..<500).map { _ in MarkdownFuzzTests.randomInput(&generator) }
        for input in inputs {
            let document = MarkdownParser.parse(input, file: "projects/x.md", firstLine: 1)
            for rewriter in MarkdownFuzzTests.rewriters {
                let written = rewriter.rewrite(document)
                #expect(BodyTree(markup: written).xhtml == written, "\(input.debugDescription)")
                let reread = libxml2Rewrite(written)
                #expect(reread == nil || reread == written, "\(input.debugDescription)")
            }
        }
    }

    /// `markup` read with libxml2's XML parser and written back by it; nil when it is not XML.
    private func libxml2Rewrite(_ markup: String) -> String? {
        let wrapped = "<html><body>" + markup + "</body></html>"
        let options = Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ xmlReadMemory($0, Int32(wrapped.utf8.count), nil, "UTF-8", options) }) else { return nil }
        defer { xmlFreeDoc(document) }
        return LibXML.firstElement(named: "body", in: xmlDocGetRootElement(document)).map(LibXML.serialiseChildren)
    }
}
