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

    public enum Kind: Sendable, Hashable {
        case svg
        /// PNG, JPEG, GIF or WebP, by the file name's extension.
        case raster
        case other
    }

    public init(path: String, source: URL) {
        self.path = path
        self.source = source
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": kind = .svg
        case "png", "jpg", "jpeg", "gif", "webp": kind = .raster
        default: kind = .other
        }
    }

    /// A file of `media/` that cannot be published (a FIFO, a link out of the content folder, an
    /// unreadable file…): an error where it is used, or at the file when nothing uses it.
    public struct Refusal: Sendable, Hashable {
        public var path: String
        /// Completes "'media/x.png' …": "is a FIFO (named pipe), not a file".
        public var reason: String
    }
}
