/// Where a link or image written in a body leads in the EPUB: one decision, used both to
/// rewrite the body and to warn about the links the booklet cannot keep.
enum BookletLink: Equatable {
    /// Left as written: another site, a mail address, an anchor in the same body.
    case keep
    /// Another project: its chapter (`chapters/<slug>.xhtml`), with the anchor when one is given.
    case chapter(slug: String, anchor: String?)
    /// A file of `media/` that the EPUB carries (an image type readers know).
    case media(String)
    /// A page of the site that is not in the booklet: an absolute link when `base_url` is set.
    case site(String, anchor: String?)
    /// Nothing to link to: shown as plain text.
    case drop

    static func resolve(_ destination: String, from source: String) -> BookletLink {
        switch ContentLink.resolve(destination, from: source) {
        case .external, .sameFile: return .keep
        case .content(let path, let anchor):
            if path.hasPrefix("projects/"), path.hasSuffix(".md"), path.split(separator: "/").count == 2 {
                return .chapter(slug: String(path.dropFirst("projects/".count).dropLast(3)), anchor: anchor)
            }
            if path.hasPrefix("media/"), EPUBPackage.mediaType(of: path) != nil { return .media(path) }
            guard let target = SitePaths.forContent(path) else { return .drop }
            return .site(target, anchor: anchor)
        case .outside, .unsupported: return .drop
        }
    }

    /// The href from the EPUB document at `document` (`chapters/a.xhtml`), or nil for plain text.
    func href(from document: String, absoluteRoot: String?) -> String? {
        let up = String(repeating: "../", count: document.split(separator: "/").count - 1)
        switch self {
        case .keep: return nil
        case .chapter(let slug, let anchor):
            // Heading ids inside a chapter are prefixed with its slug, as in the single-page edition.
            return up + EPUBContents.chapterPath(slug) + "#" + (anchor.map { "\(slug)--\($0)" } ?? slug)
        case .media(let path): return up + path
        case .site(let target, let anchor):
            guard let absoluteRoot else { return nil }
            return absoluteRoot + target + (anchor.map { "#\($0)" } ?? "")
        case .drop: return nil
        }
    }

    /// Links in `body` that become plain text in the EPUB because there is no `base_url` to reach the
    /// site: one warning each, at the link.
    static func unreachable(in body: MarkdownDocument, source: String, absoluteRoot: String?) -> [Diagnostic] {
        guard absoluteRoot == nil else { return [] }
        return body.references.compactMap { reference in
            guard !reference.isImage, case .site = resolve(reference.destination, from: source) else { return nil }
            return .warning(at: reference.location, "the booklet shows this link as plain text: set base_url in site.yaml to link to the site")
        }
    }
}
