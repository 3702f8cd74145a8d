import CCmarkGFM
import Glibc

/// Control characters in a body become spaces. Word processors paste a vertical tab for a line
/// break and a form feed for a page break; dropping them would glue the words on either side,
/// and keeping them makes invalid XML (XML 1.0 allows none of them but tab, line feed and
/// carriage return). C1 controls and DEL are treated the same: HTML calls them parse errors.
enum ControlCharacters {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` with each control character replaced by a space (the same text when it has none,
    /// which is almost always).
    static func spaced(_ text: String) -> String {
        var text = text
        guard text.withUTF8(containsControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) ? " " : scalar)
        }
        return String(result)
    }

    /// Numeric character references (`&#11;`) reach cmark's tree as the characters themselves:
    /// every text, code, URL and title the HTML is rendered from is made spaced too.
    static func space(tree root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                respace(cmark_node_get_literal(node)) { cmark_node_set_literal(node, $0) }
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                    respace(cmark_node_get_fence_info(node)) { cmark_node_set_fence_info(node, $0) }
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                respace(cmark_node_get_url(node)) { cmark_node_set_url(node, $0) }
                respace(cmark_node_get_title(node)) { cmark_node_set_title(node, $0) }
            default:
                break
            }
        }
    }

    private static func respace(_ value: UnsafePointer<CChar>?, _ set: (String) -> Int32) {
        guard let value else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value))
        if containsControl(bytes) { _ = set(spaced(String(cString: value))) }
    }

    /// A byte scan, so that the common case costs no String: C0 and DEL are single bytes, C1
    /// controls are 0xC2 followed by 0x80...0x9F.
    private static func containsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return true }
            index += 1
        }
        return false
    }
}
