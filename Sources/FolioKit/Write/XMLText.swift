/// Escaping for text and attribute values in XML written by hand (feed, sitemap, EPUB package).
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most text needs nothing: it is returned as it is, without a copy.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&apos;".utf8
            // Control characters are not allowed in XML 1.0 at all; they are dropped. Every
            // byte below 0x20 is a whole character in UTF-8.
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
