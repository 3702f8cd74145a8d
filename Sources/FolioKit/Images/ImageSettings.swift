import Foundation

/// What Folio makes of each raster original, and what it refuses. Part of every cache key: a
/// change here remakes the derivatives.
enum ImageSettings {
    /// Widths of the site's copies, for the `srcset`s: a phone, a column on a laptop, a column
    /// on a high-density screen. Never more than the original has.
    static let widths = [480, 960, 1600]
    /// The EPUB's and PDF's one copy: sharp across a printed page at about 180 dpi.
    static let bookletWidth = 1400
    /// Originals larger than this are refused (bytes, then pixels): a phone photo is 3-6 MB and
    /// 12 megapixels; anything far beyond is a scan or a mistake and would make every build slow.
    static let maxBytes = 20 * 1024 * 1024
    static let maxPixels = 40_000_000
    /// Alt text longer than this is more than a description: the rest belongs in the text.
    static let altLimit = 250
    /// How wide pictures stand on the site's pages (`.prose` is 45rem), for `sizes`.
    static let bodySizes = "(min-width: 47rem) 45rem, calc(100vw - 2rem)"
    /// How wide a card's picture stands (a column of the card grid, at least 17rem).
    static let cardSizes = "(min-width: 40rem) 24rem, calc(100vw - 2rem)"
    /// Bumped when the way derivatives are made changes.
    static let version = 1

    /// The settings as one short text, part of every cache key.
    static let fingerprint: String = {
        let text = "v\(version) w\(widths.map(String.init).joined(separator: ",")) b\(bookletWidth) "
            + RasterFormat.allCases.map { "\($0.rawValue)\($0.quality)" }.joined(separator: ",")
        return String(SHA256.hex(Data(text.utf8)).prefix(12))
    }()

    /// The widths made for an original `width` pixels wide: those smaller, and the original's own
    /// width when it is smaller than the largest, so that nothing is enlarged.
    static func widths(forOriginal width: Int) -> [Int] {
        let smaller = widths.filter { $0 < width }
        return width < widths.last! ? smaller + [width] : widths
    }
}
