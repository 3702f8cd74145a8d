import Foundation

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

    /// An image that is not a file the EPUB can carry (`.webp`, `.tiff`, another site) is `.drop`:
    /// the reader sees its alt text.
    static func resolve(_ destination: String, from source: String, isImage: Bool = false) -> BookletLink {
        let link = resolve(destination, from: source)
        if isImage, case .media = link { return link }
        // A hyperlink in an EPUB must lead to a document, not to an image or another file: a
        // link to a media file leads to it on the site.
        if !isImage, case .media(let path) = link { return .site(path, anchor: nil) }
        return isImage ? .drop : link
    }

    private static func resolve(_ destination: String, from source: String) -> BookletLink {
        switch ContentLink.resolve(destination, from: source) {
        case .external, .sameFile: return .keep
        case .content(let path, let anchor):
            if path.hasPrefix("projects/"), path.hasSuffix(".md"), path.split(separator: "/").count == 2 {
                return .chapter(slug: String(path.dropFirst("projects/".count).dropLast(3)), anchor: anchor)
            }
            // Raster originals of any type are carried as their booklet copy (JPEG or PNG).
            if path.hasPrefix("media/"), EPUBPackage.mediaType(of: path) != nil || RasterFormat(path: path) != nil { return .media(path) }
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
        case .media(let path): return up + Self.encode(Self.packagePath(path))
        case .site(let target, let anchor):
            guard let absoluteRoot else { return nil }
            return absoluteRoot + target + (anchor.map { "#\($0)" } ?? "")
        case .drop: return nil
        }
    }

    /// Where a `media/` file goes in the EPUB: its own path when it is plain ASCII letters, digits,
    /// `.`, `_` and `-`; otherwise those characters only, with a hash of the real name so that two
    /// names never meet (EPUBCheck warns about spaces in file names, and old readers trip on more).
    static func packagePath(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-/".unicodeScalars.contains($0)) }
        guard !safe else { return path }
        var hash: UInt32 = 2_166_136_261
        for byte in path.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let cleaned = String(path.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-/".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        })
        let dot = cleaned.lastIndex(of: ".").flatMap { $0 > (cleaned.lastIndex(of: "/") ?? cleaned.startIndex) ? $0 : nil } ?? cleaned.endIndex
        let hex = String(hash, radix: 16)
        return cleaned[..<dot] + "-" + String(repeating: "0", count: 8 - hex.count) + hex + cleaned[dot...]
    }

    /// A package path as an href: percent-encoded where a URL needs it (spaces, `#`, `?`, `%`).
    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: hrefAllowed) ?? path
    }

    private static let hrefAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";?#%")
        return set
    }()

    /// The `media/` files the bodies show as images in the EPUB, sorted.
    static func images(in bodies: [(body: MarkdownDocument, source: String)]) -> [String] {
        var found: Set<String> = []
        for (body, source) in bodies {
            for reference in body.references where reference.isImage {
                if case .media(let path) = resolve(reference.destination, from: source, isImage: true) { found.insert(path) }
            }
        }
        return found.sorted()
    }

    /// What the EPUB cannot keep of a body, one warning at each place: links to the site when
    /// there is no `base_url` (plain text), images of a type EPUB readers need not show (alt text).
    static func unreachable(in body: MarkdownDocument, source: String, absoluteRoot: String?) -> [Diagnostic] {
        body.references.compactMap { reference in
            if reference.isImage {
                guard resolve(reference.destination, from: source, isImage: true) == .drop else { return nil }
                return .warning(at: reference.location, "the booklet shows this image as its alt text: EPUB readers need PNG, JPEG, GIF or SVG")
            }
            guard absoluteRoot == nil, case .site = resolve(reference.destination, from: source) else { return nil }
            return .warning(at: reference.location, "the booklet shows this link as plain text: set base_url in site.yaml to link to the site")
        }
    }
}
