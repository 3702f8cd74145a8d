/// The escaping of `{{value}}` in HTML templates: `&`, `<`, `>`, `"` and `'` as entities, the same
/// bytes swift-mustache wrote (HTMLEscapingTests compares them), written straight from the UTF-8
/// bytes; most values need none and are copied as they are.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 32)
        append(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `text` escaped to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        ByteEscaping.append(text, to: &output, entity: entity(for:))
    }

    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
