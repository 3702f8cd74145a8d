extension EPUBContents {
    /// A raster original in a body, as the EPUB shows it: its one booklet copy, sized for the
    /// page (an image), or its largest copy on the site (a link). Nil for anything else, which
    /// `BookletLink` decides.
    func bookletCopyAction(_ destination: String, isImage: Bool, source: String, document: String) -> HTMLRewriter.LinkAction? {
        guard case .content(let path, _) = ContentLink.resolve(destination, from: source),
              let copy = site.images.bookletCopy(for: path) else { return nil }
        guard isImage else {
            // A link to a photograph leads to its largest copy on the site (see `BookletLink`).
            let largest = site.images.processed(path)?.largest.path ?? path
            return content.config.absoluteRoot.map { .replace($0 + largest) } ?? .unwrap
        }
        let href = String(repeating: "../", count: document.split(separator: "/").count - 1) + BookletLink.encode(copy.path)
        return .picture(ResponsiveImage(bookletCopy: copy, href: href))
    }
}

extension EPUBContents {
    /// Whether a chapter shows its project's own image: a type the EPUB can carry.
    static func showsLeadImage(_ mediaPath: String) -> Bool {
        RasterFormat(path: mediaPath) != nil || EPUBPackage.mediaType(of: mediaPath) != nil
    }

    /// A chapter's lead image, under its summary: the booklet copy of a raster original, or the
    /// SVG as it is.
    func leadImage(_ project: Project, document: String) -> String {
        guard let image = project.image, Self.showsLeadImage(image.mediaPath) else { return "" }
        let up = String(repeating: "../", count: document.split(separator: "/").count - 1)
        let alt = XMLText.escape(image.description(orTitle: project.title))
        guard let copy = site.images.bookletCopy(for: image.mediaPath) else {
            return "<p class=\"lead-image\"><img src=\"\(XMLText.escape(up + BookletLink.encode(BookletLink.packagePath(image.mediaPath))))\" alt=\"\(alt)\"/></p>\n"
        }
        return "<p class=\"lead-image\"><img src=\"\(XMLText.escape(up + BookletLink.encode(copy.path)))\" alt=\"\(alt)\" width=\"\(copy.width)\" height=\"\(copy.height)\"/></p>\n"
    }
}
