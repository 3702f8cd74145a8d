import CLibXML2
import Foundation

/// What one page offers and asks for: the ids it defines and the references it makes.
struct PageLinks: Sendable {
    var ids: Set<String> = []
    /// Ids given to a second element of the page (each time after the first), in page order:
    /// a link to one of them could lead to either, and the page is not valid HTML.
    var repeatedIDs: [String] = []
    /// (attribute value, whether it loads a resource rather than navigating)
    var references: [(value: String, isResource: Bool)] = []

    /// The attributes a link check reads; the rest (class, style, …) are never made into strings.
    enum Attribute: Int, CaseIterable, Sendable {
        case id, name, href, rel, src, data, srcset

        init?(_ name: String) {
            switch name {
            case "id": self = .id
            case "name": self = .name
            case "href": self = .href
            case "rel": self = .rel
            case "src": self = .src
            case "data": self = .data
            case "srcset": self = .srcset
            default: return nil
            }
        }
    }
}

/// Reads a page's links with libxml2's HTML parser in SAX mode: only the start tags are seen, no
/// tree is built, so scanning costs about as much as reading the bytes once.
enum PageLinkScanner {
    static func scan(_ html: Data) -> PageLinks {
        LibXML.initialise()
        let collector = Collector()
        html.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  let parser = htmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count)) else { return }
            defer { xmlFreeParserCtxt(parser) }
            let handler = LibXML.replaceSAXHandler(of: parser)
            handler.pointee.startElement = { context, name, attributes in
                guard let context, let name, let attributes else { return }
                let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
                let collector = Unmanaged<Collector>.fromOpaque(parser.pointee._private!).takeUnretainedValue()
                collector.element(name, attributes)
            }
            parser.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            htmlCtxtUseOptions(parser, Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue))
            xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8)
            htmlParseDocument(parser)
        }
        return collector.links
    }

    private final class Collector {
        var links = PageLinks()

        private static let wanted: [[UInt8]] = PageLinks.Attribute.allCases.map { Array("\($0)".utf8) + [0] }

        func element(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) {
            var values: [String: String] = [:]
            var index = 0
            while let key = attributes[index] {
                if let value = attributes[index + 1],
                   Self.wanted.contains(where: { wanted in wanted.withUnsafeBufferPointer { strcmp($0.baseAddress!, key) == 0 } }) {
                    values[String(cString: key)] = String(cString: value)
                }
                index += 2
            }
            if values.isEmpty { return }
            links.record(element: String(cString: name)) { values[$0] }
        }
    }
}

extension PageLinks {
    /// What one element offers (`id`, `<a name>`) and asks for (`href`, `src`, `data`).
    mutating func record(element: String, attribute: (String) -> String?) {
        if let id = attribute("id"), !ids.insert(id).inserted { repeatedIDs.append(id) }
        switch element {
        case "a", "area":
            if element == "a", let anchor = attribute("name") { ids.insert(anchor) }
            if let href = attribute("href") { references.append((href, false)) }
        case "link":
            if let href = attribute("href") {
                let rel = attribute("rel")?.lowercased() ?? ""
                // canonical and alternate point at the public site on purpose; they load nothing.
                if rel.contains("canonical") { break }
                references.append((href, !rel.contains("alternate")))
            }
        case "script", "img", "iframe", "source", "audio", "video", "embed", "track", "input":
            if let src = attribute("src") { references.append((src, true)) }
            if let srcset = attribute("srcset") { references += Self.candidates(of: srcset).map { ($0, true) } }
        case "object":
            if let data = attribute("data") { references.append((data, true)) }
        default: break
        }
    }

    /// The URLs of a `srcset` (`a.jpg 480w, b.jpg 960w`): each entry's first word.
    static func candidates(of srcset: String) -> [String] {
        srcset.split(separator: ",").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
    }

    mutating func add(_ other: PageLinks) {
        repeatedIDs += other.repeatedIDs
        repeatedIDs += other.ids.filter(ids.contains).sorted()
        ids.formUnion(other.ids)
        references += other.references
    }
}
