import CLibXML2

/// Turns cmark-gfm's HTML for one body into the XHTML that `MarkdownDocument.html` holds, on
/// libxml2's tree, never on its bytes: cmark writes some attributes without a value
/// (`data-footnote-ref`), which only an HTML parser reads correctly, so its HTML is read once
/// here with libxml2's HTML parser, cleaned, and written back as XML. Every later rewrite of
/// the body (site page, booklet, EPUB chapter) can then use the faster XML parser.
enum BodyXHTML {
    /// `headingIDs` are the ids `HTMLRewriter` will give the body's headings.
    static func make(fromCmarkHTML html: String, headingIDs: Set<String>) -> String {
        LibXML.initialise()
        let wrapped = "<html><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ htmlReadMemory($0, Int32(wrapped.utf8.count), nil, "UTF-8", options) }) else { return "" }
        defer { xmlFreeDoc(document) }
        guard let body = LibXML.firstElement(named: "body", in: xmlDocGetRootElement(document)) else { return "" }
        MarkupAllowList.clean(below: body)
        FootnoteIDs.decode(below: body, headingIDs: headingIDs)
        TaskListLabels.name(below: body)
        return LibXML.serialiseChildren(of: body)
    }
}
