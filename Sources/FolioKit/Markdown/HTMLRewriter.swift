import CLibXML2

/// Takes cmark-gfm's HTML for one body through libxml2 and gives it back as well-formed XHTML
/// markup that is also valid HTML5: heading ids added, link destinations rewritten for the output
/// they appear in, ids prefixed so that many bodies can share one page (the booklet).
///
/// Every output — site page, single-page booklet, EPUB chapter — goes through this one
/// serialiser. The body is read with libxml2's XML parser (`BodyXHTML` made it XML), or with its
/// HTML parser should the XML parser ever refuse it.
public struct HTMLRewriter: Sendable {
    public enum LinkAction: Sendable {
        case keep
        case replace(String)
        /// Drop the link but keep its text (a target the output does not contain).
        case unwrap
        /// An image shown as this picture (`PictureElement`); a link leads to its `src`.
        case picture(ResponsiveImage)
    }

    /// Prepended to every `id` and to every same-document `#fragment`.
    public var idPrefix: String
    /// Maps a destination as written in the Markdown to what the output needs.
    public var rewriteLink: @Sendable (_ destination: String, _ isImage: Bool) -> LinkAction
    /// The accessible name of footnote back-links, from the layouts' strings (cmark's is English).
    public var footnoteBackLabel: String?
    /// Levels to push headings down, so that a body's `##` sits under its page's own headings.
    public var headingShift: Int

    public init(idPrefix: String = "", footnoteBackLabel: String? = nil, headingShift: Int = 0,
                rewriteLink: @escaping @Sendable (_ destination: String, _ isImage: Bool) -> LinkAction) {
        self.idPrefix = idPrefix
        self.footnoteBackLabel = footnoteBackLabel
        self.headingShift = headingShift
        self.rewriteLink = rewriteLink
    }

    public func rewrite(_ document: MarkdownDocument) -> String {
        rewritten(document).html
    }

    /// The rewritten body with its links, read off the tree it is written from, so that the link
    /// check need not parse it again inside its page.
    func rewritten(_ document: MarkdownDocument) -> PageFragment {
        LibXML.initialise()
        let wrapped = "<html><body>" + document.html + "</body></html>"
        let count = Int32(wrapped.utf8.count)
        let xmlOptions = Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
        let htmlOptions = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let doc = wrapped.withCString({ xmlReadMemory($0, count, nil, "UTF-8", xmlOptions) ?? htmlReadMemory($0, count, nil, "UTF-8", htmlOptions) })
        else { return PageFragment(html: "", links: PageLinks()) }
        defer { xmlFreeDoc(doc) }
        guard let body = LibXML.firstElement(named: "body", in: xmlDocGetRootElement(doc)) else { return PageFragment(html: "", links: PageLinks()) }

        var headingIDs = document.headings.map(\.id)[...]
        var unwrapped: [xmlNodePtr] = []
        var pictures: [(element: xmlNodePtr, image: ResponsiveImage)] = []
        LibXML.forEachElement(below: body) { element in
            let name = LibXML.name(of: element)
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level),
               let id = headingIDs.popFirst() {
                LibXML.setAttribute("id", to: id, on: element)
                if headingShift != 0 { LibXML.rename(element, to: "h\(min(6, max(1, level + headingShift)))") }
            }
            if let id = LibXML.attribute("id", of: element), !idPrefix.isEmpty {
                LibXML.setAttribute("id", to: idPrefix + id, on: element)
            }
            if name == "a", let href = LibXML.attribute("href", of: element) {
                if href.hasPrefix("#") {
                    LibXML.setAttribute("href", to: "#" + idPrefix + href.dropFirst(), on: element)
                    if let label = footnoteBackLabel, LibXML.attribute("class", of: element) == "footnote-backref" {
                        LibXML.setAttribute("aria-label", to: label, on: element)
                    }
                } else {
                    if !apply(rewriteLink(href, false), attribute: "href", on: element) { unwrapped.append(element) }
                }
            }
            if name == "img", let src = LibXML.attribute("src", of: element) {
                let action = rewriteLink(src, true)
                if case .picture(let image) = action { pictures.append((element, image)) }
                else if !apply(action, attribute: "src", on: element) { unwrapped.append(element) }
            }
        }
        // Unwrapping changes the tree, so it waits until the walk is over.
        unwrapped.forEach(LibXML.replaceByContent)
        var links = PageLinks()
        for (element, image) in pictures { links.add(PictureElement.expand(element, into: image)) }
        LibXML.forEachElement(below: body) { element in
            links.record(element: LibXML.name(of: element)) { LibXML.attribute($0, of: element) }
        }
        return PageFragment(html: LibXML.serialiseChildren(of: body), links: links)
    }

    /// False when the element is to be unwrapped.
    private func apply(_ action: LinkAction, attribute: String, on element: xmlNodePtr) -> Bool {
        switch action {
        case .keep: return true
        case .replace(let value): LibXML.setAttribute(attribute, to: value, on: element); return true
        case .unwrap: return false
        case .picture(let image): LibXML.setAttribute(attribute, to: image.src, on: element); return true
        }
    }
}
