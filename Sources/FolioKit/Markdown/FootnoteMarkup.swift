/// cmark-gfm writes its footnote attributes without a value (`data-footnotes`,
/// `data-footnote-ref`, `data-footnote-backref`): the only part of its HTML that is not XML.
/// With empty values, which mean the same in HTML, every body can be read by libxml2's XML
/// parser, twice as fast as its HTML parser, in each of the three places a body is rewritten.
enum FootnoteMarkup {
    private static let marker = Array(" data-footnote".utf8)

    static func withAttributeValues(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        // Text never holds a bare `<` or `>` (cmark escapes them), so these bytes open and close tags.
        var inTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { inTag = true }
            if byte == UInt8(ascii: ">") { inTag = false }
            guard inTag, byte == UInt8(ascii: " "), bytes[index...].starts(with: marker) else {
                result.append(byte)
                index += 1
                continue
            }
            var end = index + marker.count
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            result.append(contentsOf: bytes[index..<end])
            if end < bytes.count, bytes[end] != UInt8(ascii: "=") { result.append(contentsOf: "=\"\"".utf8) }
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
