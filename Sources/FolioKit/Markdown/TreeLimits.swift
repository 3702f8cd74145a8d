import CCmarkGFM

/// What a parsed body may hold, checked on cmark-gfm's tree before anything is made of it.
///
/// Depth: cmark-gfm parses any depth, but libxml2 refuses documents nested more than 256
/// elements deep, and a page adds its own layout around the body. Each level of Markdown makes
/// one or two elements, and the PDF's template calls a Typst function or two per level, where
/// Typst stops at a call depth of about 64 levels of Markdown: 40 levels keep clear of both (no
/// real body comes near); beyond, a body is one error at its line instead of a page, a booklet,
/// an EPUB or a PDF that cannot be made.
///
/// Size: every node becomes a bounded amount of HTML, but a few bytes can make many nodes or
/// much HTML each (`[^1]` written 250,000 times in a 1 MB file is 250,000 references, each also
/// a back-link in the note: about 60 MB of HTML, written three times). Real bodies hold tens to
/// a few thousand nodes.
enum TreeLimits {
    static let depth = 40
    static let nodes = 100_000
    static let footnoteReferences = 1_000

    /// The first limit the tree breaks, at the body line where it breaks it, or nil.
    static func firstProblem(in root: OpaquePointer) -> BodyLimits.Problem? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var level = 0
        var count = 0
        var references = 0
        var lastLine = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            // Nodes without children are entered but never exited (leaves) or entered and exited
            // at once (an empty item): either way they are one level below their parent.
            let hasChildren = cmark_node_first_child(node) != nil
            if event == CMARK_EVENT_EXIT {
                if hasChildren { level -= 1 }
                continue
            }
            guard node != root else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { lastLine = line }
            if level + 1 > depth {
                return BodyLimits.Problem(line: lastLine, message: "quotes, lists, emphasis or links are nested more than \(depth) levels deep here; \(depth) is the limit")
            }
            if hasChildren { level += 1 }
            count += 1
            if count > nodes {
                return BodyLimits.Problem(line: lastLine, message: "this body has more than \(nodes) paragraphs, list items, table cells, links and other parts by here; split it")
            }
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE {
                references += 1
                if references > footnoteReferences {
                    return BodyLimits.Problem(line: lastLine, message: "more than \(footnoteReferences) footnote references in this body by here; \(footnoteReferences) is the limit")
                }
            }
        }
        return nil
    }
}
