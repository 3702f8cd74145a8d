import Foundation

/// The raster images of a build after the image stage: for each original in use, the copies
/// made of it. Rendering reads paths and sizes from here; it never touches an original.
public struct ImageSet: Sendable {
    /// One encoded copy, stored in the cache and published at `path`.
    public struct Derivative: Sendable, Equatable {
        public var width: Int
        public var height: Int
        var format: RasterFormat
        /// From the output root (site) or the package root (EPUB, PDF): `media/farm-960.jpg`.
        public var path: String
        /// The bytes, in the cache folder beside the output.
        public var file: URL
        public var mediaType: String { format.mediaType }
    }

    /// What was made of one original.
    public struct Processed: Sendable {
        /// Of the largest copy, as shown (turned by the orientation tag).
        public var width: Int
        public var height: Int
        /// In the original's format (or PNG/JPEG for a WebP original), narrowest first.
        public var fallback: [Derivative]
        /// WebP, the same widths.
        public var webp: [Derivative]
        /// The EPUB's and PDF's copy, JPEG or PNG.
        public var booklet: Derivative

        /// The widest fallback copy: what a link to the original and `og:image` lead to.
        public var largest: Derivative { fallback.last! }
    }

    public private(set) var images: [String: Processed]
    /// The size each SVG of `media/` asks to be drawn at (`SVGSize`), by its path; absent when it gives none.
    public private(set) var drawingSizes: [String: MediaFile.DrawingSize]

    public init(images: [String: Processed] = [:], drawingSizes: [String: MediaFile.DrawingSize] = [:]) {
        self.images = images
        self.drawingSizes = drawingSizes
    }

    public static let none = ImageSet()

    /// The copies made of the raster original at `mediaPath` (`media/farm.jpg`), if it is one.
    public func processed(_ mediaPath: String) -> Processed? { images[mediaPath] }

    /// The one page-sized JPEG or PNG of `mediaPath` for the EPUB and the PDF: its package path
    /// (`media/farm.jpg`), pixel size and bytes on disk (`file`). Nil for SVG and other files,
    /// which the booklets take as they are.
    public func bookletCopy(for mediaPath: String) -> Derivative? { images[mediaPath]?.booklet }

    /// Every site copy, path from the output root and its file in the cache: what the writer
    /// publishes in place of the originals.
    var siteFiles: [(path: String, file: URL)] {
        images.keys.sorted().flatMap { key in
            let processed = images[key]!
            return (processed.fallback + processed.webp).map { ($0.path, $0.file) }
        }
    }
}
