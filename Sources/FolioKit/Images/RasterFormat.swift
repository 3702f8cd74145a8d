/// The raster formats Folio reads from `media/` and writes as derivatives.
enum RasterFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif

    /// The format a file name promises, by its extension; nil for anything else (SVG included).
    init?(path: String) {
        switch path.split(separator: "/").last?.split(separator: ".").dropFirst().last?.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        default: return nil
        }
    }

    /// The format of libvips' loader class (`VipsForeignLoadJpegBuffer`, `VipsForeignLoadNsgifBuffer`).
    init?(loader: String) {
        let name = Self.loaderName(loader).lowercased()
        guard let format = Self.allCases.first(where: { name.hasSuffix($0.rawValue) }) else { return nil }
        self = format
    }

    /// `VipsForeignLoadTiffBuffer` → `Tiff`, for messages.
    static func loaderName(_ loader: String) -> String {
        var name = Substring(loader)
        if name.hasPrefix("VipsForeignLoad") { name = name.dropFirst("VipsForeignLoad".count) }
        if name.hasSuffix("Buffer") { name = name.dropLast("Buffer".count) }
        return String(name)
    }

    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    var mediaType: String { "image/\(rawValue)" }

    /// What readers call it, in messages.
    var name: String { self == .jpeg ? "JPEG" : self == .webp ? "WebP" : rawValue.uppercased() }

    /// libvips' quality setting: high enough that photographs show no blocks, low enough to halve them.
    var quality: Int { self == .webp ? 78 : 82 }

    /// The older format a browser without WebP (and an EPUB reader) falls back to: the
    /// original's own, except that WebP originals fall back to PNG (with alpha) or JPEG.
    static func fallback(for original: RasterFormat, hasAlpha: Bool) -> RasterFormat {
        original == .webp ? (hasAlpha ? .png : .jpeg) : original
    }

    /// The one copy in the EPUB and PDF: JPEG or PNG, the core media types every reader shows.
    static func booklet(for original: RasterFormat, hasAlpha: Bool) -> RasterFormat {
        hasAlpha || original == .png || original == .gif ? .png : .jpeg
    }

}
