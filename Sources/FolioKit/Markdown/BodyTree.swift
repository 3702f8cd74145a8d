import Foundation
import CLibXML2

/// A body's XHTML as plain values, read once from libxml2's tree when the body is loaded. Every
/// output that shows the body (site page, single-page booklet, EPUB chapter, in each language)
/// rewrites its links and ids on this tree and writes it (`XHTMLWriter`), instead of having
/// libxml2 parse and write the same markup again each time: that was an eighth of a build.
public struct BodyTree: Sendable {
    public enum Node: Sendable {
        case element(Element)
        case text(String)
        /// Markup of Folio's own making, written as it is (a picture's `<source>`).
        case markup(String)
        case comment(String)
    }

    public struct Element: Sendable {
        public var name: String
        /// In document order: libxml2 writes them so, and a changed value keeps its place.
        public var attributes: [(name: String, value: String)]
        public var children: [Node]

        public subscript(attribute name: String) -> String? {
            get { attributes.first { $0.name == name }?.value }
            set {
                if let index = attributes.firstIndex(where: { $0.name == name }) {
                    if let newValue { attributes[index].value = newValue } else { attributes.remove(at: index) }
                } else if let newValue {
                    attributes.append((name, newValue))
                }
            }
        }
    }

    public var nodes: [Node]

    public static let empty = BodyTree(nodes: [])

    init(nodes: [Node]) {
        self.nodes = nodes
    }

    /// The children of `parent` in libxml2's tree.
    init(childrenOf parent: xmlNodePtr) {
        nodes = Self.nodes(below: parent)
    }

    /// Markup read with libxml2's XML parser, or its HTML parser should the XML parser refuse it.
    public init(markup: String) {
        LibXML.initialise()
        let wrapped = "<html><body>" + markup + "</body></html>"
        let count = Int32(wrapped.utf8.count)
        let xmlOptions = Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
        let htmlOptions = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ xmlReadMemory($0, count, nil, "UTF-8", xmlOptions) ?? htmlReadMemory($0, count, nil, "UTF-8", htmlOptions) }),
              let body = LibXML.firstElement(named: "body", in: xmlDocGetRootElement(document)) else {
            self.init(nodes: [])
            return
        }
        defer { xmlFreeDoc(document) }
        self.init(childrenOf: body)
    }

    /// Whether the body shows nothing: no element, no comment, only white space (a carriage
    /// return is written as `&#13;`, so it is not).
    public var isBlank: Bool {
        nodes.allSatisfy { node in
            guard case .text(let text) = node else { return false }
            return !text.utf8.contains(13) && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// The tree as libxml2's XHTML writer writes it.
    public var xhtml: String {
        var writer = XHTMLWriter()
        writer.write(nodes)
        return writer.text
    }

    private static func nodes(below parent: xmlNodePtr) -> [Node] {
        var nodes: [Node] = []
        var child = parent.pointee.children
        while let node = child {
            let content = { node.pointee.content.map { String(cString: $0) } ?? "" }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var attributes: [(name: String, value: String)] = []
                var attribute = node.pointee.properties
                while let current = attribute {
                    let name = current.pointee.name.map { String(cString: $0) } ?? ""
                    attributes.append((name, LibXML.attribute(name, of: node) ?? ""))
                    attribute = current.pointee.next
                }
                nodes.append(.element(Element(name: LibXML.name(of: node), attributes: attributes, children: Self.nodes(below: node))))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                nodes.append(.text(content()))
            case XML_COMMENT_NODE:
                nodes.append(.comment(content()))
            default:
                break
            }
            child = node.pointee.next
        }
        return nodes
    }
}
