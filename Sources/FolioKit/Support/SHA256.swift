import CVipsShim
import Foundation

/// SHA-256 in hex, the key of every cache that must never mistake one input for another (image
/// copies, parsed bodies, packed EPUBs). GLib computes it: it comes with libvips, so Folio needs
/// no other library for it.
enum SHA256 {
    static func hex(_ data: Data) -> String {
        var digest = [CChar](repeating: 0, count: 65)
        data.withUnsafeBytes { bytes in
            digest.withUnsafeMutableBufferPointer { folio_sha256_hex(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, bytes.count, $0.baseAddress) }
        }
        return String(decoding: digest.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
