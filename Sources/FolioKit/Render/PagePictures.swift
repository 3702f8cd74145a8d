/// Pictures on the site's pages: a project's or news item's own image above its text, and the
/// images and media links inside bodies, which lead to the copies the image stage made rather
/// than to the originals (which are never published: they may carry a GPS position).
extension SiteRenderer {
    /// The values of `picture.mustache` for a front-matter image, the first picture of its page.
    func leadPicture(_ image: FrontMatterImage, title: String, from page: String) -> TemplateObject {
        ResponsiveImage(mediaPath: image.mediaPath, images: images, href: { language.hrefToRoot($0, from: page) }, sizes: ImageSettings.bodySizes,
                        alt: image.description(orTitle: title), eager: true).templateValues
    }

    /// The values of `picture.mustache` for a card's picture: a column of the card grid wide,
    /// loading when it comes near the screen.
    func cardPicture(_ image: FrontMatterImage, title: String, from page: String) -> TemplateObject {
        ResponsiveImage(mediaPath: image.mediaPath, images: images, href: { language.hrefToRoot($0, from: page) }, sizes: ImageSettings.cardSizes,
                        alt: image.description(orTitle: title)).templateValues
    }

    /// The file other sites show for a media path (`og:image`, the booklet cover): the largest
    /// copy of a raster original, or the file itself.
    func sharedImagePath(_ mediaPath: String) -> String {
        let path = mediaPath.hasPrefix("./") ? String(mediaPath.dropFirst(2)) : mediaPath
        return images.processed(path)?.largest.path ?? path
    }

    /// How a body shows a `media/` destination: an image as its picture, a link to a raster
    /// original as a link to its largest copy. Nil for anything else.
    func mediaAction(_ destination: String, isImage: Bool, source: String, page: String, eager: Bool = false) -> HTMLRewriter.LinkAction? {
        guard case .content(let path, _) = ContentLink.resolve(destination, from: source), path.hasPrefix("media/") else { return nil }
        if isImage {
            return .picture(ResponsiveImage(mediaPath: path, images: images, href: { language.hrefToRoot($0, from: page) }, sizes: ImageSettings.bodySizes, eager: eager))
        }
        return images.processed(path).map { .replace(language.hrefToRoot($0.largest.path, from: page)) }
    }
}
