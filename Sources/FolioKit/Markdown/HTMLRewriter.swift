/// Takes cmark-gfm's HTML for one body through libxml2 and gives it back as well-formed XHTML
/// markup that is also valid HTML5: heading ids added, link destinations rewritten for the output
/// they appear in, ids prefixed so that many bodies can share one page (the booklet).
///
/// Every output — site page, single-page booklet, EPUB chapter — goes through this one
/// rewrite, on the body's tree as loaded (`BodyTree`), written as libxml2 writes XHTML.
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
        var walk = Walk(rewriter: self, headingIDs: document.headings.map(\.id)[...])
        walk.write(document.tree.nodes)
        // The pictures' `<source>`s first, then every element as written: the order the link
        // check has always read them in.
        var links = walk.pictureLinks
        links.add(walk.elementLinks)
        return PageFragment(html: walk.writer.text, links: links)
    }

    /// One pass over a body's tree: each element rewritten as it is written.
    private struct Walk {
        let rewriter: HTMLRewriter
        var headingIDs: ArraySlice<String>
        var writer = XHTMLWriter()
        var pictureLinks = PageLinks()
        var elementLinks = PageLinks()

        mutating func write(_ nodes: [BodyTree.Node]) {
            for node in nodes {
                guard case .element(let element) = node else {
                    writer.write(node)
                    continue
                }
                write(element)
            }
        }

        private mutating func write(_ original: BodyTree.Element) {
            var element = original
            let name = element.name
            let idPrefix = rewriter.idPrefix
            if name.utf8.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level),
               let id = headingIDs.popFirst() {
                element[attribute: "id"] = id
                if rewriter.headingShift != 0 { element.name = "h\(min(6, max(1, level + rewriter.headingShift)))" }
            }
            if let id = element[attribute: "id"], !idPrefix.isEmpty {
                element[attribute: "id"] = idPrefix + id
            }
            if name == "a", let href = element[attribute: "href"] {
                if href.hasPrefix("#") {
                    element[attribute: "href"] = "#" + idPrefix + href.dropFirst()
                    if let label = rewriter.footnoteBackLabel, element[attribute: "class"] == "footnote-backref" {
                        element[attribute: "aria-label"] = label
                    }
                } else if !Self.apply(rewriter.rewriteLink(href, false), attribute: "href", on: &element) {
                    return unwrap(element)
                }
            }
            if name == "img", let src = element[attribute: "src"] {
                let action = rewriter.rewriteLink(src, true)
                if case .picture(let image) = action {
                    let (picture, links) = PictureElement.expand(element, into: image)
                    pictureLinks.add(links)
                    // Of Folio's own making: nothing in it is rewritten.
                    return writeAsIs(picture, rewritingChildren: false)
                }
                if !Self.apply(action, attribute: "src", on: &element) { return unwrap(element) }
            }
            writeAsIs(element, rewritingChildren: true)
        }

        /// An element rewritten already, and its children: rewritten in turn, or as they are.
        private mutating func writeAsIs(_ element: BodyTree.Element, rewritingChildren: Bool) {
            elementLinks.record(element: element.name) { element[attribute: $0] }
            writer.startTag(element.name, attributes: element.attributes)
            if !element.children.isEmpty { writer.closeStartTag() }
            for child in element.children {
                if !rewritingChildren, case .element(let inner) = child {
                    writeAsIs(inner, rewritingChildren: false)
                } else {
                    write([child])
                }
            }
            writer.endTag(element.name, hasChildren: !element.children.isEmpty)
        }

        /// What a reader should still see of an element that cannot stay: an image's alt text,
        /// any other element's children.
        private mutating func unwrap(_ element: BodyTree.Element) {
            if element.name == "img", let alt = element[attribute: "alt"], !alt.isEmpty { writer.write(.text(alt)) }
            write(element.children)
        }

        /// False when the element is to be unwrapped.
        private static func apply(_ action: LinkAction, attribute: String, on element: inout BodyTree.Element) -> Bool {
            switch action {
            case .keep: return true
            case .replace(let value): element[attribute: attribute] = value; return true
            case .unwrap: return false
            case .picture(let image): element[attribute: attribute] = image.src; return true
            }
        }
    }
}
