import CVipsShim
import Foundation

/// libvips through Folio's C shim: the only file that touches its pointers. Every call is safe
/// from any thread; a file libvips cannot read or decode gives a message, never a crash.
enum LibVips {
    struct Header: Sendable, Equatable {
        /// As shown: turned by the orientation tag.
        var width: Int
        var height: Int
        var hasAlpha: Bool
        var pages: Int
        /// The format libvips found in the bytes, whatever the file is called; nil for a format
        /// Folio does not publish as a raster image (TIFF, HEIF, …).
        var format: RasterFormat?
        /// libvips' loader class (`VipsForeignLoadJpegBuffer`), for messages.
        var loader: String
    }

    private static let started: Bool = folio_vips_start() == 0

    static func header(of data: Data) -> Result<Header, ImageFailure> {
        guard started else { return .failure(ImageFailure("libvips could not start")) }
        return data.withUnsafeBytes { bytes in
            var header = FolioImageHeader()
            var error: UnsafeMutablePointer<CChar>?
            guard let base = bytes.baseAddress, folio_image_header(base, bytes.count, &header, &error) == 0 else {
                return .failure(ImageFailure(taking: error))
            }
            let loader = withUnsafeBytes(of: header.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .success(Header(width: Int(header.width), height: Int(header.height), hasAlpha: header.has_alpha != 0,
                                   pages: Int(header.pages), format: RasterFormat(loader: loader), loader: loader))
        }
    }

    /// An original decoded once (turned, in 8-bit sRGB, at most `maxWidth` wide), from which each
    /// derivative is encoded.
    final class DecodedImage {
        private let handle: OpaquePointer

        init(decoding data: Data, maxWidth: Int) throws(ImageFailure) {
            guard started else { throw ImageFailure("libvips could not start") }
            var error: UnsafeMutablePointer<CChar>?
            let handle = data.withUnsafeBytes { bytes in
                bytes.baseAddress.flatMap { folio_image_open($0, bytes.count, Int32(maxWidth), &error) }
            }
            guard let handle else { throw ImageFailure(taking: error) }
            self.handle = handle
        }

        deinit { folio_image_close(handle) }

        /// The image at `width` (never enlarged) in `format`, with no metadata at all.
        func encoded(width: Int, format: RasterFormat) throws(ImageFailure) -> (data: Data, width: Int, height: Int) {
            var output: UnsafeMutableRawPointer?
            var length = 0
            var outWidth: Int32 = 0, outHeight: Int32 = 0
            var error: UnsafeMutablePointer<CChar>?
            guard folio_image_save(handle, Int32(width), format.shimFormat, Int32(format.quality), &output, &length,
                                   &outWidth, &outHeight, &error) == 0, let output else {
                throw ImageFailure(taking: error)
            }
            defer { folio_image_free(output) }
            return (Data(bytes: output, count: length), Int(outWidth), Int(outHeight))
        }
    }

    /// The names of the metadata fields libvips reads in an encoded image (`exif-data`,
    /// `xmp-data`, `icc-profile-data`, …).
    static func metadataFields(of data: Data) -> Result<[String], ImageFailure> {
        guard started else { return .failure(ImageFailure("libvips could not start")) }
        return data.withUnsafeBytes { bytes in
            var fields: UnsafeMutablePointer<CChar>?
            var error: UnsafeMutablePointer<CChar>?
            guard let base = bytes.baseAddress, folio_image_fields(base, bytes.count, &fields, &error) == 0, let fields else {
                return .failure(ImageFailure(taking: error))
            }
            defer { folio_image_free(fields) }
            return .success(String(cString: fields).split(separator: "\n").map(String.init))
        }
    }
}

/// Why libvips could not read, decode or encode an image, in its own words.
struct ImageFailure: Error, Sendable {
    var message: String

    init(_ message: String) { self.message = message }

    init(taking error: UnsafeMutablePointer<CChar>?) {
        message = error.map { String(cString: $0) } ?? "libvips failed"
        folio_image_free(error)
    }
}

extension RasterFormat {
    var shimFormat: FolioImageFormat {
        switch self {
        case .jpeg: FOLIO_FORMAT_JPEG
        case .png: FOLIO_FORMAT_PNG
        case .webp: FOLIO_FORMAT_WEBP
        case .gif: FOLIO_FORMAT_GIF
        }
    }
}

extension LibVips {
    /// A colour gradient encoded as `format` (with a half-transparent alpha when asked): real
    /// images for tests and the benchmark, made without any file.
    static func testPattern(width: Int, height: Int, alpha: Bool = false, format: RasterFormat, quality: Int = 85) throws(ImageFailure) -> Data {
        var output: UnsafeMutableRawPointer?
        var length = 0
        var error: UnsafeMutablePointer<CChar>?
        guard folio_image_test_pattern(Int32(width), Int32(height), alpha ? 1 : 0, format.shimFormat, Int32(quality),
                                       &output, &length, &error) == 0, let output else { throw ImageFailure(taking: error) }
        defer { folio_image_free(output) }
        return Data(bytes: output, count: length)
    }
}
