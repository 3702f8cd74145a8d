/// Escaping for text and attribute values in XML written by hand (feed, sitemap, EPUB package).
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most text needs nothing: it is returned as it is, without a copy.
        guard text.utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        ByteEscaping.append(text, to: &result, entity: entity(for:))
        return String(decoding: result, as: UTF8.self)
    }

    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&apos;"
        // Control characters are not allowed in XML 1.0 at all; they are dropped. Every byte
        // below 0x20 is a whole character in UTF-8.
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: ""
        default: nil
        }
    }
}
