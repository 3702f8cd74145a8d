import CLibXML2
import Foundation

/// cmark-gfm makes a footnote's ids from its label percent-encoded (`[^café]` gives
/// `id="fn-caf%C3%A9"` and `href="#fn-caf%C3%A9"`), but a browser, an EPUB reader and the link
/// check all decode the fragment of a link before they look for its id, so such a link finds
/// nothing. Ids are decoded here and links re-encoded from them; a label that needs no decoding
/// keeps cmark's ids byte for byte, unless a heading of the body has the same id (`## fn 1`).
enum FootnoteIDs {
    /// What may stand unencoded in a URL fragment (RFC 3986), ASCII only.
    private static let fragmentCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?")

    static func decode(below body: xmlNodePtr, headingIDs: Set<String>) {
        var elementsWithIDs: [(xmlNodePtr, String)] = []
        var footnoteLinks: [(xmlNodePtr, String)] = []
        LibXML.forEachElement(below: body) { element in
            if let id = LibXML.attribute("id", of: element) { elementsWithIDs.append((element, id)) }
            // cmark's own links between a footnote and its references; an editor's `#fn-1` means
            // the heading of that name.
            if LibXML.name(of: element) == "a", let href = LibXML.attribute("href", of: element), href.hasPrefix("#"),
               LibXML.attribute("data-footnote-ref", of: element) != nil || LibXML.attribute("data-footnote-backref", of: element) != nil {
                footnoteLinks.append((element, String(href.dropFirst())))
            }
        }
        let needsNewID = { (id: String) in id.contains("%") || headingIDs.contains(id) }
        guard elementsWithIDs.contains(where: { needsNewID($0.1) }) else { return }

        var taken = Set(elementsWithIDs.map(\.1).filter { !needsNewID($0) }).union(headingIDs)
        var decoded: [String: String] = [:]
        for (element, id) in elementsWithIDs where needsNewID(id) {
            let readable = unique(readableID(id), in: &taken)
            decoded[id] = readable
            LibXML.setAttribute("id", to: readable, on: element)
        }
        for (link, fragment) in footnoteLinks {
            guard let target = decoded[fragment] else { continue }
            LibXML.setAttribute("href", to: "#" + (target.addingPercentEncoding(withAllowedCharacters: fragmentCharacters) ?? target), on: link)
        }
    }

    /// The id as readers look it up; an id holds no white space, so any becomes `-`.
    private static func readableID(_ id: String) -> String {
        let decoded = id.removingPercentEncoding ?? id
        return String(String.UnicodeScalarView(decoded.unicodeScalars.map { scalar in
            scalar.properties.isWhitespace || ControlCharacters.isControl(scalar) ? "-" : scalar
        }))
    }

    /// `[^aA]` and `[^a%41]` are two footnotes whose ids decode alike: the later one gets a number.
    private static func unique(_ id: String, in taken: inout Set<String>) -> String {
        var candidate = id
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(id)-\(number)"
        }
        taken.insert(candidate)
        return candidate
    }
}
