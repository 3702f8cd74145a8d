/// One picture as an output shows it: the sources a browser chooses from, the size it will
/// take (so the page does not jump when it arrives), and whether it loads at once.
public struct ResponsiveImage: Sendable {
    /// The fallback copy (or the SVG) as an href from the page.
    public var src: String
    /// `url 480w, url 960w` in the fallback format; nil for SVG and the booklets.
    public var srcset: String?
    public var webpSrcset: String?
    public var sizes: String?
    public var width: Int?
    public var height: Int?
    /// Nil keeps the description written in the Markdown.
    public var alt: String?
    /// The first picture of a page loads at once; the rest when they come near the screen.
    public var eager = false
    /// Pages get `loading` and `decoding`; EPUB documents do not (EPUB 3.2 does not know them).
    public var isForSite = true

    /// A picture of the site: the copies of a raster original, or a file shown as it is (SVG).
    /// `href` turns a path from the output root into a link from the page (the copies are shared
    /// by every language's pages).
    init(mediaPath: String, images: ImageSet, href: (String) -> String, sizes: String, alt: String? = nil, eager: Bool = false) {
        self.alt = alt
        self.eager = eager
        guard let processed = images.processed(mediaPath) else {
            src = href(mediaPath)
            width = images.drawingSizes[mediaPath]?.width
            height = images.drawingSizes[mediaPath]?.height
            return
        }
        func list(_ copies: [ImageSet.Derivative]) -> String {
            copies.map { "\(href($0.path)) \($0.width)w" }.joined(separator: ", ")
        }
        src = href(processed.largest.path)
        srcset = list(processed.fallback)
        webpSrcset = list(processed.webp)
        self.sizes = sizes
        width = processed.width
        height = processed.height
    }

    /// The booklet's one copy, as an href from the EPUB document at `document`.
    init(bookletCopy copy: ImageSet.Derivative, href: String) {
        src = href
        width = copy.width
        height = copy.height
        isForSite = false
    }

    /// The values of `Layouts/picture.mustache`.
    var templateValues: TemplateObject {
        [.src: .text(src), .alt: .text(alt ?? ""), .loading: .text(eager ? "eager" : "lazy"),
         .srcset: .text(ifSet: srcset), .webpSrcset: .text(ifSet: webpSrcset), .sizes: .text(ifSet: sizes),
         .width: width.map(TemplateValue.number), .height: height.map(TemplateValue.number)]
    }
}
