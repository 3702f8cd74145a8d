/// cmark-gfm writes its footnote attributes without a value (`data-footnotes`,
/// `data-footnote-ref`, `data-footnote-backref`): the only part of its HTML that is not XML.
/// With empty values, which mean the same in HTML, every body can be read by libxml2's XML
/// parser, twice as fast as its HTML parser, in each of the three places a body is rewritten.
enum FootnoteMarkup {
    private static let marker = Array(" data-footnote".utf8)

    static func withAttributeValues(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            var result: [UInt8] = []
            var copied = 0
            var searchFrom = 0
            while let hit = marker.withUnsafeBytes({ ByteSearch.firstOffset(of: $0, in: UnsafeRawBufferPointer(bytes), from: searchFrom) }) {
                var end = hit + marker.count
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                searchFrom = end
                // Text never holds a bare `<` or `>` (cmark escapes them): the nearer of the two
                // before the hit tells whether it stands inside a tag.
                guard isInsideTag(bytes, at: hit), end < bytes.count, bytes[end] != UInt8(ascii: "=") else { continue }
                if result.isEmpty { result.reserveCapacity(bytes.count + 64) }
                result.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: end - copied))
                result.append(contentsOf: "=\"\"".utf8)
                copied = end
            }
            guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
            result.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: bytes.count - copied))
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func isInsideTag(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        var index = position
        while index > 0 {
            index -= 1
            if bytes[index] == UInt8(ascii: "<") { return true }
            if bytes[index] == UInt8(ascii: ">") { return false }
        }
        return false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
