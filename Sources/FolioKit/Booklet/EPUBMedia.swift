import Foundation

/// A file of `media/` as the EPUB carries it: a raster original as its one booklet copy (JPEG or
/// PNG, stripped of metadata), anything else (SVG) as it is.
struct EPUBMedia: Sendable {
    /// The content path it stands for (`media/farm.jpg`).
    var source: String
    var packagePath: String
    var mediaType: String
    /// Where its bytes are read from when the EPUB is packed: the copy in the cache, or the
    /// original where the load stage found it (nil when it did not).
    var file: URL?

    init(_ source: String, images: ImageSet, original: URL?) {
        self.source = source
        if let copy = images.bookletCopy(for: source) {
            packagePath = copy.path
            mediaType = copy.mediaType
            file = copy.file
        } else {
            packagePath = BookletLink.packagePath(source)
            mediaType = EPUBPackage.mediaType(of: source) ?? ""
            file = original
        }
    }
}
