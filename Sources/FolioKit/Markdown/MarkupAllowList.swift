import CLibXML2

/// The elements and attributes a body may hold: exactly those cmark-gfm writes for Markdown with
/// Folio's extensions, checked on libxml2's tree of its HTML. cmark already drops raw HTML and
/// `javascript:` links; this is the second line, so that no bug in cmark, in an extension or in
/// a later rewrite can turn text an editor wrote into markup that runs.
enum MarkupAllowList {
    /// Element → the attributes it may carry.
    static let attributes: [String: Set<String>] = {
        var table: [String: Set<String>] = [
            "a": ["href", "title", "id", "class", "aria-label", "data-footnote-ref", "data-footnote-backref"],
            "img": ["src", "alt", "title"],
            "ol": ["start"],
            "li": ["id"],
            "code": ["class"],
            "th": ["style"], "td": ["style"],
            "input": ["type", "checked", "disabled", "aria-label"],
            "sup": ["class"],
            "section": ["class", "data-footnotes"],
        ]
        for plain in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "pre", "em", "strong", "del",
                      "br", "hr", "table", "thead", "tbody", "tr"] {
            table[plain] = []
        }
        return table
    }()

    /// Elements whose content is not text a reader should see either: removed whole.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "object", "embed", "template",
                                                   "noscript", "textarea", "select", "svg", "math", "head", "title"]

    /// The only values cmark writes for a table column's alignment.
    static let alignments: Set<String> = ["text-align: left", "text-align: center", "text-align: right"]

    /// Schemes a link or image may use; anything else, or none, must be a relative reference.
    static let schemes = ContentLink.allowedSchemes

    /// Removes from below `body` every element, attribute and URL not on the list. An element
    /// that is not allowed gives way to its content; a link with a refused URL keeps its text and
    /// an image its alt text.
    static func clean(below body: xmlNodePtr) {
        var refused: [xmlNodePtr] = []
        var removed: [xmlNodePtr] = []
        LibXML.forEachNode(below: body) { node in
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_COMMENT_NODE:
                return false
            case XML_ELEMENT_NODE:
                let name = LibXML.name(of: node)
                guard let allowed = attributes[name] else {
                    if droppedWithContent.contains(name) {
                        removed.append(node)
                        return false
                    }
                    refused.append(node)
                    return true
                }
                for attribute in LibXML.attributeNames(of: node) where !allowed.contains(attribute) || !isAllowed(attribute, of: node) {
                    LibXML.removeAttribute(attribute, of: node)
                }
                if (name == "a" && isRefusedURL(LibXML.attribute("href", of: node)))
                    || (name == "img" && (LibXML.attribute("src", of: node).map(isRefusedURL) ?? true)) {
                    refused.append(node)
                }
                return true
            default:
                removed.append(node)
                return false
            }
        }
        // The tree changes only once the walk is over.
        for node in removed { LibXML.remove(node) }
        for node in refused { LibXML.replaceByContent(node) }
    }

    private static func isAllowed(_ attribute: String, of node: xmlNodePtr) -> Bool {
        switch attribute {
        case "style": LibXML.attribute("style", of: node).map(alignments.contains) ?? false
        case "type": LibXML.attribute("type", of: node) == "checkbox"
        default: true
        }
    }

    private static func isRefusedURL(_ value: String?) -> Bool {
        guard let value, let scheme = scheme(of: value) else { return false }
        return !schemes.contains(scheme)
    }

    /// The scheme of `url` as a browser reads it: leading spaces and controls skipped, tabs and
    /// line breaks inside ignored, ASCII letters first. Nil for a relative reference.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars.drop(while: { $0.value <= 0x20 }) {
            switch scalar {
            case "\t", "\n", "\r": continue
            case ":": return scheme.isEmpty ? nil : scheme.lowercased()
            case "a"..."z", "A"..."Z": scheme.unicodeScalars.append(scalar)
            case "0"..."9", "+", "-", ".": if scheme.isEmpty { return nil } else { scheme.unicodeScalars.append(scalar) }
            default: return nil
            }
        }
        return nil
    }
}
