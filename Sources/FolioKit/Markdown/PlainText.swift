import CCmarkGFM
import Glibc

/// The words of a body as a reader sees them, for search and word counts: text as written,
/// a space for each line break and between blocks, runs of white space made one. Joining the
/// tree's text nodes with spaces instead would split "See [a project](x.md)." into
/// "See  a project ." around every link and emphasis.
enum PlainText {
    static func of(_ root: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iterator) }
        var words = Words()
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { words.append(literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                words.separate()
            default:
                // Blocks (CMARK_NODE_TYPE_BLOCK in the type's top bits) are separate runs of words.
                if type.rawValue & 0xC000 == 0x8000 { words.separate() }
            }
        }
        return String(decoding: words.bytes, as: UTF8.self)
    }

    /// UTF-8 with ASCII white space collapsed as it is appended: one space between words, none
    /// at either end.
    private struct Words {
        var bytes: [UInt8] = []
        private var pendingSpace = false

        mutating func separate() { pendingSpace = true }

        mutating func append(_ text: UnsafePointer<CChar>) {
            let count = strlen(text)
            text.withMemoryRebound(to: UInt8.self, capacity: count) { utf8 in
                for index in 0..<count {
                    let byte = utf8[index]
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
        }
    }
}
