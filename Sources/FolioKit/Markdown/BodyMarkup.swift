import CLibXML2

/// A body's XHTML as libxml2 writes it, read once when the Markdown is loaded and cut where the
/// outputs differ: ids, same-page fragments, link and image destinations, heading levels and the
/// footnote back-links' label. Each output (site page, single-page booklet, EPUB chapter) then
/// writes the body by joining the runs with its own values, instead of parsing and serialising
/// it again: the same bytes as `HTMLRewriter`'s tree rewrite, which stays for bodies that cannot
/// be cut (see `read`).
public struct BodyMarkup: Sendable {
    /// One link or image whose destination each output decides: kept, replaced or unwrapped.
    struct Link: Sendable {
        var destination: String
        var isImage: Bool
        /// An image that cannot be shown leaves its alt text, escaped as libxml2 writes text.
        var escapedAlt: String
    }

    enum Part: Sendable {
        case markup(String)
        case id(String)
        /// A same-page `#fragment`, without the `#`.
        case fragment(String)
        /// cmark-gfm's own label of a footnote back-link, for outputs that give none.
        case footnoteLabel(String)
        case headingName(level: Int)
        case destination(link: Int)
        /// Around a link's start tag and its end tag (an image has only the outer pair): what an
        /// output that unwraps the link leaves out.
        case linkBegin(Int), linkOpened(Int), linkClosing(Int), linkEnd(Int)
    }

    /// An element with attributes the link check reads, in document order.
    struct Element: Sendable {
        enum Value: Sendable {
            case text(String)
            case id(String)
            case fragment(String)
            case destination(link: Int)
        }

        var name: String
        var attributes: [String: Value]
        /// Set when the element is a link an output may unwrap.
        var link: Int?
    }

    var parts: [Part]
    var links: [Link]
    var elements: [Element]

    /// The rewritten body and its links, for one output.
    func written(by rewriter: HTMLRewriter) -> PageFragment {
        let actions = links.map { rewriter.rewriteLink($0.destination, $0.isImage) }
        let unwrapped = actions.map { if case .unwrap = $0 { true } else { false } }
        func destination(_ link: Int) -> String {
            if case .replace(let value) = actions[link] { return value }
            return links[link].destination
        }
        func value(_ part: Element.Value) -> String {
            switch part {
            case .text(let text): text
            case .id(let id): rewriter.idPrefix + id
            case .fragment(let fragment): "#" + rewriter.idPrefix + fragment
            case .destination(let link): destination(link)
            }
        }

        var html = ""
        var skipping = false
        for part in parts {
            switch part {
            case .linkBegin(let link):
                guard unwrapped[link] else { continue }
                skipping = true
                if links[link].isImage { html += links[link].escapedAlt }
            case .linkOpened(let link), .linkEnd(let link):
                if unwrapped[link] { skipping = false }
            case .linkClosing(let link):
                if unwrapped[link] { skipping = true }
            case _ where skipping:
                continue
            case .markup(let text): html += text
            case .id(let id): html += XMLText.libxml2Attribute(rewriter.idPrefix + id)
            case .fragment(let fragment): html += XMLText.libxml2Attribute("#" + rewriter.idPrefix + fragment)
            case .footnoteLabel(let label): html += XMLText.libxml2Attribute(rewriter.footnoteBackLabel ?? label)
            case .headingName(let level): html += "h\(min(6, max(1, level + rewriter.headingShift)))"
            case .destination(let link): html += XMLText.libxml2Attribute(destination(link))
            }
        }

        var pageLinks = PageLinks()
        for element in elements where !(element.link.map { unwrapped[$0] } ?? false) {
            pageLinks.record(element: element.name) { element.attributes[$0].map(value) }
        }
        return PageFragment(html: html, links: pageLinks)
    }

    // MARK: - Reading

    /// Private-use characters cmark-gfm never writes on its own: they mark the cuts in the
    /// serialised body, as `\u{E000}` index `\u{E001}`. A body that holds them anyway is not cut.
    private static let markStart = "\u{E000}", markEnd = "\u{E001}"
    /// Both marks begin with these two UTF-8 bytes, then 0x80 or 0x81.
    private static let markLead: (UInt8, UInt8) = (0xEE, 0x80)

    /// Nil when the body cannot be cut safely (it holds the marks, libxml2 reads it with its HTML
    /// parser, or a mark did not come out where it was put): `HTMLRewriter` then rewrites the
    /// tree for each output, as it always may.
    static func read(_ document: MarkdownDocument) -> BodyMarkup? {
        guard !holdsMarks(document.html) else { return nil }
        LibXML.initialise()
        let wrapped = "<html><body>" + document.html + "</body></html>"
        let options = Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
        guard let doc = wrapped.withCString({ xmlReadMemory($0, Int32(wrapped.utf8.count), nil, "UTF-8", options) }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let body = LibXML.firstElement(named: "body", in: xmlDocGetRootElement(doc)) else { return nil }

        var marks: [Part] = []
        var links: [Link] = []
        var elements: [Element] = []
        var failed = false
        func mark(_ part: Part) -> String {
            marks.append(part)
            return "\(markStart)\(marks.count - 1)\(markEnd)"
        }
        var headingIDs = document.headings.map(\.id)[...]
        LibXML.forEachElement(below: body) { element in
            let name = LibXML.name(of: element)
            var attributes: [String: Element.Value] = [:]
            var linkIndex: Int?
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level),
               let id = headingIDs.popFirst() {
                LibXML.setAttribute("id", to: id, on: element)
                LibXML.rename(element, to: mark(.headingName(level: level)))
            }
            // Most elements (p, li, em, td …) carry no attributes at all.
            guard element.pointee.properties != nil else { return }
            if let id = LibXML.attribute("id", of: element) {
                LibXML.setAttribute("id", to: mark(.id(id)), on: element)
                attributes["id"] = .id(id)
            }
            if name == "a", let href = LibXML.attribute("href", of: element) {
                if href.hasPrefix("#") {
                    let fragment = String(href.dropFirst())
                    LibXML.setAttribute("href", to: mark(.fragment(fragment)), on: element)
                    attributes["href"] = .fragment(fragment)
                    if LibXML.attribute("class", of: element) == "footnote-backref" {
                        guard let label = LibXML.attribute("aria-label", of: element) else { failed = true; return }
                        LibXML.setAttribute("aria-label", to: mark(.footnoteLabel(label)), on: element)
                    }
                } else {
                    linkIndex = links.count
                    links.append(Link(destination: href, isImage: false, escapedAlt: ""))
                    LibXML.setAttribute("href", to: mark(.destination(link: linkIndex!)), on: element)
                    attributes["href"] = .destination(link: linkIndex!)
                }
            }
            if name == "img", let src = LibXML.attribute("src", of: element) {
                linkIndex = links.count
                links.append(Link(destination: src, isImage: true, escapedAlt: XMLText.libxml2Text(LibXML.attribute("alt", of: element) ?? "")))
                LibXML.setAttribute("src", to: mark(.destination(link: linkIndex!)), on: element)
                attributes["src"] = .destination(link: linkIndex!)
            }
            for attribute in ["name", "rel", "data"] {
                if let value = LibXML.attribute(attribute, of: element) { attributes[attribute] = .text(value) }
            }
            if let link = linkIndex {
                xmlAddPrevSibling(element, xmlNewText(mark(.linkBegin(link))))
                if !links[link].isImage {
                    let first = xmlNewText(mark(.linkOpened(link)))
                    if let child = element.pointee.children { xmlAddPrevSibling(child, first) } else { xmlAddChild(element, first) }
                    xmlAddChild(element, xmlNewText(mark(.linkClosing(link))))
                }
                xmlAddNextSibling(element, xmlNewText(mark(.linkEnd(link))))
            }
            if !attributes.isEmpty { elements.append(Element(name: name, attributes: attributes, link: linkIndex)) }
        }
        guard !failed else { return nil }
        guard let parts = cut(LibXML.serialiseChildren(of: body), marks: marks) else { return nil }
        return BodyMarkup(parts: parts, links: links, elements: elements)
    }

    private static func holdsMarks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { nextMark(in: UnsafeRawBufferPointer($0), from: 0) != nil }
    }

    /// Where the next mark (of either kind) starts, and whether it is a start mark.
    private static func nextMark(in bytes: UnsafeRawBufferPointer, from start: Int) -> (offset: Int, isStart: Bool)? {
        let lead: [UInt8] = [markLead.0, markLead.1]
        var from = start
        while let offset = lead.withUnsafeBytes({ ByteSearch.firstOffset(of: $0, in: bytes, from: from) }) {
            if offset + 2 < bytes.count, bytes[offset + 2] == 0x80 || bytes[offset + 2] == 0x81 {
                return (offset, bytes[offset + 2] == 0x80)
            }
            from = offset + 1
        }
        return nil
    }

    /// The serialised body split at its marks; nil unless every mark came out as written, once
    /// (heading names twice: start and end tag).
    private static func cut(_ serialised: String, marks: [Part]) -> [Part]? {
        var serialised = serialised
        var seen = [Int](repeating: 0, count: marks.count)
        let parts: [Part]? = serialised.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var parts: [Part] = []
            var position = 0
            while let (start, isStart) = nextMark(in: bytes, from: position) {
                guard isStart, let (end, isEndStart) = nextMark(in: bytes, from: start + 3), !isEndStart,
                      let index = Int(String(decoding: bytes[(start + 3)..<end], as: UTF8.self)), marks.indices.contains(index)
                else { return nil }
                if start > position { parts.append(.markup(String(decoding: bytes[position..<start], as: UTF8.self))) }
                parts.append(marks[index])
                seen[index] += 1
                position = end + 3
            }
            if position < bytes.count { parts.append(.markup(String(decoding: bytes[position...], as: UTF8.self))) }
            return parts
        }
        for (index, mark) in marks.enumerated() {
            let expected: Int
            if case .headingName = mark { expected = 2 } else { expected = 1 }
            guard seen[index] == expected else { return nil }
        }
        return parts
    }
}
