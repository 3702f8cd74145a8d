import Foundation

/// A file of `media/` that the site publishes: copied as it is, or (raster images) processed.
public struct MediaFile: Sendable, Hashable {
    /// From the content folder, in Unicode NFC (`media/café.png`): the name it is published
    /// under and the name links are compared with, byte for byte.
    public var path: String
    /// Where its bytes are: the name as the file system spells it (maybe NFD, as macOS writes
    /// it), or the place a symbolic link inside the content folder leads.
    public var source: URL
    public var kind: Kind
    /// For an SVG, the size it asks to be drawn at (`SVGSize`), read when the folder is listed;
    /// nil when it gives none in pixels, and for every other file.
    public var drawingSize: DrawingSize?

    public struct DrawingSize: Sendable, Hashable {
        public var width: Int
        public var height: Int
    }

    public enum Kind: Sendable, Hashable {
        case svg
        /// A picture in pixels, by the file name's extension: PNG, JPEG, GIF or WebP, and the
        /// formats the site cannot show (TIFF, HEIC…). Never published as it is, since it may
        /// carry a camera's GPS position: only the image stage's stripped copies are.
        case raster
        case other
    }

    static let rasterExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif", "bmp"]

    public init(path: String, source: URL) {
        self.path = path
        self.source = source
        let type = (path as NSString).pathExtension.lowercased()
        kind = type == "svg" ? .svg : Self.rasterExtensions.contains(type) ? .raster : .other
    }

    /// A file of `media/` that cannot be published (a FIFO, a link out of the content folder, an
    /// unreadable file…): an error where it is used, or at the file when nothing uses it.
    public struct Refusal: Sendable, Hashable {
        public var path: String
        /// Completes "'media/x.png' …": "is a FIFO (named pipe), not a file".
        public var reason: String
    }
}
