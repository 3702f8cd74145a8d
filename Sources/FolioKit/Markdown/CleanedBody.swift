import CLibXML2

/// Turns cmark-gfm's HTML for one body into the tree that `MarkdownDocument` holds, on
/// libxml2's tree, never on its bytes: cmark writes some attributes without a value
/// (`data-footnote-ref`), which only an HTML parser reads correctly, so its HTML is read once
/// here with libxml2's HTML parser, cleaned, and kept as a `BodyTree` that every later rewrite of
/// the body (site page, booklet, EPUB chapter) works on without parsing it again.
enum CleanedBody {
    /// `headingIDs` are the ids `HTMLRewriter` will give the body's headings.
    static func tree(fromCmarkHTML html: String, headingIDs: Set<String>) -> BodyTree {
        withBody(fromCmarkHTML: html, headingIDs: headingIDs) { BodyTree(childrenOf: $0) } ?? .empty
    }

    /// Hands the cleaned `<body>` element to `visit` while its tree is alive.
    static func withBody<T>(fromCmarkHTML html: String, headingIDs: Set<String>, _ visit: (xmlNodePtr) -> T) -> T? {
        LibXML.initialise()
        let wrapped = "<html><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ htmlReadMemory($0, Int32(wrapped.utf8.count), nil, "UTF-8", options) }) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let body = LibXML.firstElement(named: "body", in: xmlDocGetRootElement(document)) else { return nil }
        MarkupAllowList.clean(below: body)
        FootnoteIDs.decode(below: body, headingIDs: headingIDs)
        TaskListLabels.name(below: body)
        return visit(body)
    }
}
