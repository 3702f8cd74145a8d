import Foundation
import FoundationXML
@testable import FolioKit

/// What every rewritten Markdown body must be, whatever an editor wrote: well-formed XML (the
/// EPUB reads it as XHTML), only the elements and attributes cmark-gfm makes for Markdown, no
/// event handler, no script-carrying URL, no id twice. Each broken rule is one line of the result.
enum BodyInvariants {
    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong",
        "del", "a", "img", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "input", "sup", "section",
        // Responsive images, which the rewrite may make of an `img`.
        "picture", "source",
    ]
    static let forbiddenSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    static func violations(of html: String) -> [String] {
        let wrapped = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + html + "</div>"
        guard let document = try? XMLDocument(xmlString: wrapped, options: []), let root = document.rootElement() else {
            return ["not well-formed XML"]
        }
        var problems: [String] = []
        var ids: Set<String> = []
        var pending = (root.children ?? []).compactMap { $0 as? XMLElement }
        while let element = pending.popLast() {
            let name = element.localName ?? element.name ?? ""
            if !elements.contains(name) { problems.append("element <\(name)> is not on the allow-list") }
            for attribute in element.attributes ?? [] {
                let attributeName = (attribute.localName ?? attribute.name ?? "").lowercased()
                let value = attribute.stringValue ?? ""
                if attributeName == "id", !ids.insert(value).inserted { problems.append("id '\(value)' twice") }
                if attributeName.hasPrefix("on") { problems.append("<\(name) \(attributeName)=\"\(value)\">: an event handler") }
                let urls = switch attributeName {
                case "href", "src": [value]
                case "srcset": value.split(separator: ",").map { String($0.drop { $0 == " " }) }
                default: [String]()
                }
                for url in urls {
                    // Browsers skip white space and control characters inside a scheme.
                    let scheme = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
                    if let bad = forbiddenSchemes.first(where: { scheme.hasPrefix($0) }) {
                        problems.append("<\(name) \(attributeName)=\"\(value)\">: a \(bad) URL")
                    }
                }
            }
            pending += (element.children ?? []).compactMap { $0 as? XMLElement }
        }
        return problems
    }

    /// Every element of `html` with `name`, as its attributes, in document order.
    static func elements(named name: String, in html: String) -> [[String: String]] {
        let wrapped = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + html + "</div>"
        guard let document = try? XMLDocument(xmlString: wrapped, options: []), let root = document.rootElement() else { return [] }
        var found: [[String: String]] = []
        func visit(_ element: XMLElement) {
            if (element.localName ?? element.name) == name {
                var attributes: [String: String] = [:]
                for attribute in element.attributes ?? [] { attributes[attribute.name ?? ""] = attribute.stringValue ?? "" }
                found.append(attributes)
            }
            (element.children ?? []).compactMap { $0 as? XMLElement }.forEach(visit)
        }
        visit(root)
        return found
    }
}
