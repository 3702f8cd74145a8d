/// Writes a `BodyTree` byte for byte as libxml2's XHTML writer (`xmlSaveTree` with
/// `XML_SAVE_XHTML`, UTF-8) writes the same tree, so that bodies read the same wherever they are
/// written: void elements as `<br />`, other empty ones as `<p></p>`, boolean attributes with
/// their name as value, text and attribute values escaped as libxml2 escapes them.
/// `XHTMLWriterTests` compares the two on every kind of body.
struct XHTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The elements libxml2 writes as `<name />` when they have no children.
    private static let voidElements: Set<String> = ["area", "br", "base", "basefont", "col", "frame", "hr", "img", "input",
                                                     "isindex", "link", "meta", "param"]
    /// HTML's boolean attributes: libxml2 writes an empty one with its own name as value.
    private static let booleanAttributes: Set<String> = ["checked", "compact", "declare", "defer", "disabled", "ismap",
                                                          "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"]

    mutating func write(_ nodes: [BodyTree.Node]) {
        for node in nodes { write(node) }
    }

    mutating func write(_ node: BodyTree.Node) {
        switch node {
        case .element(let element):
            startTag(element.name, attributes: element.attributes)
            if !element.children.isEmpty { closeStartTag() }
            write(element.children)
            endTag(element.name, hasChildren: !element.children.isEmpty)
        case .text(let text): appendEscaped(text, inAttribute: false)
        case .markup(let markup): bytes += markup.utf8
        case .comment(let comment):
            bytes += "<!--".utf8
            bytes += comment.utf8
            bytes += "-->".utf8
        }
    }

    mutating func startTag(_ name: String, attributes: [(name: String, value: String)]) {
        bytes.append(UInt8(ascii: "<"))
        bytes += name.utf8
        for (attribute, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes += attribute.utf8
            bytes += "=\"".utf8
            appendEscaped(value.isEmpty && Self.booleanAttributes.contains(attribute) ? attribute : value, inAttribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Closes the start tag and the element: `hasChildren` says whether anything was written between.
    mutating func endTag(_ name: String, hasChildren: Bool) {
        if !hasChildren, Self.voidElements.contains(name) {
            bytes += " />".utf8
            return
        }
        if !hasChildren { bytes.append(UInt8(ascii: ">")) }
        bytes += "</".utf8
        bytes += name.utf8
        bytes.append(UInt8(ascii: ">"))
    }

    /// Ends a start tag whose element has children, before they are written.
    mutating func closeStartTag() {
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func appendEscaped(_ text: String, inAttribute: Bool) {
        ByteEscaping.append(text, to: &bytes) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case 13: "&#13;"
            case UInt8(ascii: "\"") where inAttribute: "&quot;"
            case 10 where inAttribute: "&#10;"
            case 9 where inAttribute: "&#9;"
            default: nil
            }
        }
    }
}
