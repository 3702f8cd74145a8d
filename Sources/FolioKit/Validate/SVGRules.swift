import CLibXML2
import Foundation

/// An SVG opened on its own (not through `<img>`) runs its scripts with the site's origin, so an
/// SVG of `media/` is published only when it holds nothing active: no `<script>` or
/// `<foreignObject>`, no event attribute (`on…`), no `javascript:` anywhere, and no reference to
/// another file (only `#fragment` and raster `data:` images), in attributes and in CSS alike.
/// The file is parsed by libxml2 with no network, no entity substitution and no DTD loading; an
/// SVG that declares its own entities is refused outright, as is one that is not well-formed.
enum SVGRules {
    typealias Problem = (line: Int, message: String)

    /// The first reason to refuse `data`, with the line libxml2 gives; nil when it is safe.
    static func problem(in data: Data) -> Problem? {
        LibXML.initialise()
        let collector = LibXMLErrors()
        return collector.collect { () -> Problem? in
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
            let document = data.withUnsafeBytes { bytes in
                xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "media.svg", nil, options)
            }
            guard let document else {
                return (collector.first?.line ?? 1, "is not well-formed XML: \(collector.first?.message ?? "cannot be parsed")")
            }
            defer { xmlFreeDoc(document) }
            if let subset = document.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
                return (Int(xmlGetLineNo(xmlDocGetRootElement(document))), "declares XML entities (<!ENTITY …>); Folio publishes no SVG that does")
            }
            var node = document.pointee.children
            while let current = node {
                if current.pointee.type == XML_PI_NODE, LibXML.name(of: current) == "xml-stylesheet" {
                    return (Int(xmlGetLineNo(current)), "loads a stylesheet from another file (<?xml-stylesheet?>)")
                }
                node = current.pointee.next
            }
            guard let root = xmlDocGetRootElement(document) else { return (1, "has no root element") }
            if let problem = problem(with: root) { return problem }
            var found: Problem?
            LibXML.forEachElement(below: root) { element in
                if found == nil { found = problem(with: element) }
            }
            return found
        }
    }

    private static let activeElements: Set<String> = ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]
    private static let referenceAttributes: Set<String> = ["href", "src", "xlink:href", "xml:base"]

    private static func problem(with element: xmlNodePtr) -> Problem? {
        let line = Int(xmlGetLineNo(element))
        let name = LibXML.name(of: element)
        if activeElements.contains(name.lowercased()) {
            return (line, "holds a <\(name)> element, which can run code when the file is opened")
        }
        if name == "style", let css = text(of: element), let problem = cssProblem(css) { return (line, problem) }
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            let qualified = prefix.map { "\($0):\(local)" } ?? local
            let value = attributeValue(current)
            if local.lowercased().hasPrefix("on") {
                return (line, "has an event attribute '\(Printable.short(qualified))', which runs code")
            }
            // `<set attributeName="onclick" to="…">` and its kin write an event attribute later.
            if local == "attributeName", squeezed(value).hasPrefix("on") || squeezed(value).hasSuffix("href") {
                return (line, "animates the attribute '\(Printable.short(value))', which can run code or load a file")
            }
            if squeezed(value).contains("javascript:") {
                return (line, "has a 'javascript:' address in '\(Printable.short(qualified))'")
            }
            if referenceAttributes.contains(qualified.lowercased()) || local == "href", !isInternal(value) {
                return (line, "refers to another file in '\(Printable.short(qualified))' ('\(Printable.short(value))'); only '#…' and embedded raster images are allowed")
            }
            // `style`, and presentation attributes such as fill="url(…)", mask and filter.
            if local == "style" || squeezed(value).contains("url("), let problem = cssProblem(value) { return (line, problem) }
        }
        return nil
    }

    /// Lowercased, without the white space and control characters browsers skip inside a scheme.
    private static func squeezed(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
    }

    /// A reference that stays inside the file: `#id`, or a raster image in a `data:` URL.
    private static func isInternal(_ reference: String) -> Bool {
        let value = squeezed(reference).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        if value.isEmpty || value.hasPrefix("#") { return true }
        return ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { value.hasPrefix($0) }
    }

    private static func cssProblem(_ css: String) -> String? {
        let squeezedCSS = squeezed(css)
        if squeezedCSS.contains("@import") { return "loads another stylesheet with @import" }
        if squeezedCSS.contains("javascript:") { return "has a 'javascript:' address in its CSS" }
        var rest = Substring(squeezedCSS)
        while let start = rest.range(of: "url(") {
            let argument = rest[start.upperBound...].prefix { $0 != ")" }
            if !isInternal(String(argument)) { return "refers to another file in its CSS (url(\(Printable.short(String(argument)))))" }
            rest = rest[start.upperBound...]
        }
        return nil
    }

    private static func text(of node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { free(content) }
        return String(cString: content)
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { free(value) }
        return String(cString: value)
    }
}
