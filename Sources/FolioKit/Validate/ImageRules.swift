/// Every picture is described: blind readers hear the description, and a picture without one is
/// a hole in the page. An image that only decorates says so (`![](x.png "decorative")`).
enum ImageRules {
    static let decorativeTitle = "decorative"
    static let describe = "describe what the picture shows; it is read aloud to blind readers"

    /// A front-matter `image`: a path under `media/` of a type pages show, with a description.
    static func check(_ image: FrontMatterImage, targets: LinkTargets) -> [Diagnostic] {
        var diagnostics = LinkRules.checkMediaPath(image.src, key: "image", targets: targets)
        if diagnostics.isEmpty, let problem = typeProblem(image.src.value) { diagnostics.append(.error(at: image.src.location, problem)) }
        if let alt = image.alt {
            diagnostics += length(of: alt.value, at: alt.location)
        } else {
            diagnostics.append(.warning(at: image.src.location, "'image' has no description, so the title stands in for it; write image: {src: \(image.src.value), alt: \"…\"} and \(describe)"))
        }
        return diagnostics
    }

    /// A Markdown image, once its destination is known to exist.
    static func check(_ reference: MarkdownDocument.Reference, link: ContentLink) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if case .content(let path, _) = link, path.hasPrefix("media/"), let problem = typeProblem(path) {
            diagnostics.append(.error(at: reference.location, problem))
        }
        let text = reference.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let isDecorative = reference.title.trimmingCharacters(in: .whitespaces).lowercased() == decorativeTitle
        if text.isEmpty, !isDecorative {
            diagnostics.append(.error(at: reference.location, "image has no description: \(describe)",
                                      suggestion: "![what the picture shows](\(reference.destination))"))
        } else if !text.isEmpty, isDecorative {
            diagnostics.append(.warning(at: reference.location, "image is marked decorative but has a description; the description is kept: remove it or the title \"decorative\""))
        }
        return diagnostics + length(of: text, at: reference.location)
    }

    private static func length(of alt: String, at location: SourceLocation) -> [Diagnostic] {
        guard alt.count > ImageSettings.altLimit else { return [] }
        return [.warning(at: location, "the description is \(alt.count) characters long; keep it to \(ImageSettings.altLimit) at most and put the rest in the text")]
    }

    /// Images are JPEG, PNG, WebP, GIF or SVG: what every browser and the booklets show.
    private static func typeProblem(_ path: String) -> String? {
        if RasterFormat(path: path) != nil || path.lowercased().hasSuffix(".svg") { return nil }
        return "'\(path)' is not an image the site shows: use a JPEG, PNG, WebP, GIF or SVG file"
    }
}
