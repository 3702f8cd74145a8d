import Foundation

/// Turns a body's `<img>` into the picture it stands for: a `<picture>` with a WebP `<source>`
/// and the `<img>` as fallback on the site, the booklet's copy alone in the EPUB. The `<img>`
/// keeps the editors' description; one marked decorative gets `alt=""` and loses the marking.
enum PictureElement {
    /// The element that stands for `img`, and the links it adds that are not an element's
    /// attributes (the WebP `srcset`, written as markup of its own: see below).
    static func expand(_ original: BodyTree.Element, into image: ResponsiveImage) -> (BodyTree.Element, PageLinks) {
        var img = original
        img[attribute: "src"] = image.src
        if let title = img[attribute: "title"],
           title.trimmingCharacters(in: .whitespaces).lowercased() == ImageRules.decorativeTitle,
           (img[attribute: "alt"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            img[attribute: "title"] = nil
            img[attribute: "alt"] = ""
        }
        if let alt = image.alt { img[attribute: "alt"] = alt }
        if let width = image.width, let height = image.height {
            img[attribute: "width"] = String(width)
            img[attribute: "height"] = String(height)
        }
        var links = PageLinks()
        guard image.isForSite else { return (img, links) }
        if let srcset = image.srcset, let sizes = image.sizes {
            img[attribute: "srcset"] = srcset
            img[attribute: "sizes"] = sizes
        }
        img[attribute: "loading"] = image.eager ? "eager" : "lazy"
        img[attribute: "decoding"] = "async"
        guard let webp = image.webpSrcset, let sizes = image.sizes else { return (img, links) }
        // An XHTML writer closes every element it does not know as void with an end tag, and
        // `</source>` is an error in HTML. So the `<source>` is written as markup of Folio's own
        // making, escaped here.
        let source = "<source type=\"image/webp\" srcset=\"\(XMLText.escape(webp))\" sizes=\"\(XMLText.escape(sizes))\">"
        links.record(element: "source") { $0 == "srcset" ? webp : nil }
        return (BodyTree.Element(name: "picture", attributes: [], children: [.markup(source), .element(img)]), links)
    }
}
