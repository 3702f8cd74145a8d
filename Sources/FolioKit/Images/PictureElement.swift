import CLibXML2
import Foundation

/// Turns a body's `<img>` (from cmark-gfm, in the libxml2 tree) into the picture it stands for:
/// a `<picture>` with a WebP `<source>` and the `<img>` as fallback on the site, the booklet's
/// copy alone in the EPUB. The `<img>` keeps the editors' description; one marked decorative
/// gets `alt=""` and loses the marking.
enum PictureElement {
    /// Rewrites `img` in place; returns the links it adds that the tree walk will not see (the
    /// WebP `srcset`, written as markup of its own: see below).
    static func expand(_ img: xmlNodePtr, into image: ResponsiveImage) -> PageLinks {
        LibXML.setAttribute("src", to: image.src, on: img)
        if let title = LibXML.attribute("title", of: img),
           title.trimmingCharacters(in: .whitespaces).lowercased() == ImageRules.decorativeTitle,
           (LibXML.attribute("alt", of: img) ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            xmlUnsetProp(img, "title")
            LibXML.setAttribute("alt", to: "", on: img)
        }
        if let alt = image.alt { LibXML.setAttribute("alt", to: alt, on: img) }
        if let width = image.width, let height = image.height {
            LibXML.setAttribute("width", to: String(width), on: img)
            LibXML.setAttribute("height", to: String(height), on: img)
        }
        var links = PageLinks()
        guard image.isForSite else { return links }
        if let srcset = image.srcset, let sizes = image.sizes {
            LibXML.setAttribute("srcset", to: srcset, on: img)
            LibXML.setAttribute("sizes", to: sizes, on: img)
        }
        LibXML.setAttribute("loading", to: image.eager ? "eager" : "lazy", on: img)
        LibXML.setAttribute("decoding", to: "async", on: img)
        guard let webp = image.webpSrcset, let sizes = image.sizes, let noEscape = LibXMLNoEscape.textName,
              let picture = xmlNewNode(nil, "picture") else { return links }
        xmlAddPrevSibling(img, picture)
        xmlUnlinkNode(img)
        // libxml2's XHTML writer closes every element it does not know as void with an end tag,
        // and `</source>` is an error in HTML. So the `<source>` is written as markup text of
        // Folio's own making, escaped here, which libxml2 passes through unescaped.
        let source = "<source type=\"image/webp\" srcset=\"\(XMLText.escape(webp))\" sizes=\"\(XMLText.escape(sizes))\">"
        if let text = xmlNewText(source) {
            text.pointee.name = noEscape
            xmlAddChild(picture, text)
        }
        xmlAddChild(picture, img)
        links.record(element: "source") { $0 == "srcset" ? webp : nil }
        return links
    }
}

/// libxml2 writes a text node whose name is its `xmlStringTextNoenc` as it is, unescaped.
private enum LibXMLNoEscape {
    /// A C array of unknown size, which Swift does not import: found by name instead. Should a
    /// libxml2 ever lack it, pictures keep their fallback `<img>` with its `srcset` alone.
    nonisolated(unsafe) static let textName: UnsafePointer<xmlChar>? =
        dlsym(nil, "xmlStringTextNoenc").map { UnsafePointer($0.assumingMemoryBound(to: xmlChar.self)) }
}
