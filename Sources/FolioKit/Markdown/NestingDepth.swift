import CCmarkGFM

/// How deep a body may nest quotes, lists, emphasis and links inside each other. cmark-gfm
/// parses any depth, but libxml2 refuses documents nested more than 256 elements deep, and a
/// page adds its own layout around the body: beyond this limit a body is one error at its line
/// instead of a page, a booklet and an EPUB that cannot be read back. Each level of Markdown
/// makes one or two elements, so the limit keeps well clear of libxml2's.
enum NestingDepth {
    static let limit = 100

    /// The first node nested deeper than `limit`, at its body line, or nil.
    static func firstProblem(in root: OpaquePointer) -> BodyLimits.Problem? {
        firstLineTooDeep(in: root).map {
            BodyLimits.Problem(line: $0, message: "quotes, lists, emphasis or links are nested more than \(limit) levels deep here; \(limit) is the limit")
        }
    }

    private static func firstLineTooDeep(in root: OpaquePointer) -> Int? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var lastLine = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if event == CMARK_EVENT_ENTER, line > 0 { lastLine = line }
            // Leaves are entered but never exited; the document itself is no level.
            guard isContainer(node), node != root else {
                if event == CMARK_EVENT_ENTER, depth + 1 > limit { return lastLine }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                depth += 1
                if depth > limit { return lastLine }
            } else {
                depth -= 1
            }
        }
        return nil
    }

    private static func isContainer(_ node: OpaquePointer) -> Bool {
        cmark_node_first_child(node) != nil
    }
}
