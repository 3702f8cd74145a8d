import CCmarkGFM

/// The words of a body as a reader sees them, for search and word counts: text as written,
/// a space for each line break and between blocks, runs of white space made one. Joining the
/// tree's text nodes with spaces instead would split "See [a project](x.md)." into
/// "See  a project ." around every link and emphasis.
enum PlainText {
    static func of(_ root: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                // Blocks (CMARK_NODE_TYPE_BLOCK in the type's top bits) are separate runs of words.
                if type.rawValue & 0xC000 == 0x8000 { text += " " }
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
