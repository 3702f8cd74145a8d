import CLibXML2
import Glibc

/// The few libxml2 tree operations Folio needs, wrapped so that the C pointers stay in one file.
enum LibXML {
    /// libxml2 must set up its globals once, on one thread, before parsers run concurrently.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialise() { precondition(initialised) }

    /// Gives `parser` an empty SAX handler of its own, for the caller to fill, in place of the
    /// default one that builds a tree. The context frees its handler with libxml2's allocator,
    /// which is malloc here.
    static func replaceSAXHandler(of parser: xmlParserCtxtPtr) -> UnsafeMutablePointer<xmlSAXHandler> {
        let handler = calloc(1, MemoryLayout<xmlSAXHandler>.size)!.assumingMemoryBound(to: xmlSAXHandler.self)
        free(parser.pointee.sax)
        parser.pointee.sax = handler
        return handler
    }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }  // libxml2 allocates with malloc here; its xmlFree is a C global Swift 6 rejects
        return String(cString: value)
    }

    static func setAttribute(_ name: String, to value: String, on node: xmlNodePtr) {
        xmlSetProp(node, name, value)
    }

    static func firstElement(named name: String, in root: xmlNodePtr?) -> xmlNodePtr? {
        var found: xmlNodePtr?
        if let root, Self.name(of: root) == name { return root }
        if let root {
            forEachElement(below: root) { element in
                if found == nil, Self.name(of: element) == name { found = element }
            }
        }
        return found
    }

    /// Depth-first, document order.
    static func forEachElement(below parent: xmlNodePtr, _ visit: (xmlNodePtr) -> Void) {
        var child = parent.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE {
                visit(node)
                forEachElement(below: node, visit)
            }
            child = node.pointee.next
        }
    }

    /// Every node below `parent`, depth-first in document order; `visit` says whether to go
    /// below the node it was given.
    static func forEachNode(below parent: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var child = parent.pointee.children
        while let node = child {
            if visit(node) { forEachNode(below: node, visit) }
            child = node.pointee.next
        }
    }

    static func attributeNames(of node: xmlNodePtr) -> [String] {
        var names: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            names.append(current.pointee.name.map { String(cString: $0) } ?? "")
            attribute = current.pointee.next
        }
        return names
    }

    static func removeAttribute(_ name: String, of node: xmlNodePtr) {
        xmlUnsetProp(node, name)
    }

    /// Text of the element's own, for places that want words rather than markup: `skipping`
    /// names elements whose text is someone else's (a nested list), and an image gives its alt text.
    static func text(of node: xmlNodePtr, skipping: Set<String> = []) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE:
                result += current.pointee.content.map { String(cString: $0) } ?? ""
            case XML_ELEMENT_NODE:
                let name = self.name(of: current)
                if name == "img" {
                    result += attribute("alt", of: current) ?? ""
                } else if !skipping.contains(name) {
                    result += text(of: current, skipping: skipping)
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    /// Removes a node and everything below it.
    static func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Replaces an element that cannot stay by what a reader should still see: an image by its
    /// alt text, any other element by its children.
    static func replaceByContent(_ element: xmlNodePtr) {
        if name(of: element) == "img", let alt = attribute("alt", of: element), !alt.isEmpty {
            xmlAddPrevSibling(element, xmlNewText(alt))
        }
        unwrap(element)
    }

    /// Replaces an element by its children.
    static func unwrap(_ element: xmlNodePtr) {
        while let child = element.pointee.children {
            xmlUnlinkNode(child)
            xmlAddPrevSibling(element, child)
        }
        xmlUnlinkNode(element)
        xmlFreeNode(element)
    }

    /// The children of `parent` as libxml2's XHTML writer writes them: what `XHTMLWriter` writes
    /// for the same tree (`XHTMLWriterTests` compares the two).
    static func serialiseChildren(of parent: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        let options = Int32(XML_SAVE_XHTML.rawValue | XML_SAVE_NO_DECL.rawValue)
        guard let context = xmlSaveToBuffer(buffer, "UTF-8", options) else { return "" }
        var child = parent.pointee.children
        while let node = child {
            xmlSaveTree(context, node)
            child = node.pointee.next
        }
        xmlSaveClose(context)
        return String(cString: xmlBufferContent(buffer))
    }
}
