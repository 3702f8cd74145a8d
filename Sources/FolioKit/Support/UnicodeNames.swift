import Foundation

extension String {
    /// The text in Unicode NFC. Names and paths are normalised once, when loaded, and compared
    /// byte for byte after: Swift's `==` treats NFC and NFD as equal, a file system does not, so
    /// a link checked with `==` could pass and still name no published file.
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
