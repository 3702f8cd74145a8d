import CCmarkGFM
import Foundation

/// A body as cmark-gfm's syntax tree, kept as plain values for an edition that lays the text out
/// itself (the PDF) rather than reading HTML: blocks and inlines as the editor wrote them, with
/// the source line of each block so that a problem can be reported where it was written.
public indirect enum MarkdownBlock: Sendable, Equatable {
    case paragraph([MarkdownInline], line: Int)
    /// `index` counts the body's headings from 0, in the order of `MarkdownDocument.headings`.
    case heading(level: Int, [MarkdownInline], index: Int, line: Int)
    case list(ordered: Bool, start: Int, items: [MarkdownListItem], line: Int)
    case quote([MarkdownBlock], line: Int)
    case code(String, language: String, line: Int)
    case rule(line: Int)
    /// `alignments` per column: "left", "center", "right" or "" (none given).
    case table(alignments: [String], header: [[MarkdownInline]], rows: [[[MarkdownInline]]], line: Int)

    public var line: Int {
        switch self {
        case .paragraph(_, let line), .heading(_, _, _, let line), .list(_, _, _, let line), .quote(_, let line),
             .code(_, _, let line), .rule(let line), .table(_, _, _, let line): line
        }
    }
}

public struct MarkdownListItem: Sendable, Equatable {
    /// nil for a plain item; true or false for a task list item (`- [x]`).
    public var checked: Bool?
    public var blocks: [MarkdownBlock]
}

public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    /// The destination as written; where it leads is the edition's decision.
    case link(destination: String, [MarkdownInline])
    case image(destination: String, alt: String)
    case lineBreak
    case softBreak
    /// The footnote's own blocks, placed where it is referenced (the PDF sets it at the foot of the page).
    case footnote([MarkdownBlock])
}

/// The body's blocks in order; footnote definitions are not among them but inside the
/// references that point at them.
public struct MarkdownTree: Sendable {
    public var blocks: [MarkdownBlock]

    /// Parses `text`, whose first line is line `firstLine` of its file. Nesting deeper than
    /// `maximumDepth` is flattened to its text, so that hostile input cannot exhaust the stack.
    public static func parse(_ text: String, firstLine: Int) -> MarkdownTree {
        MarkdownParser.withTree(text) { root, _ in
            var builder = TreeBuilder(lineOffset: firstLine - 1)
            builder.collectFootnotes(root)
            return MarkdownTree(blocks: builder.blocks(of: root, depth: 0))
        } ?? MarkdownTree(blocks: [])
    }

    static let maximumDepth = 24
}

private struct TreeBuilder {
    let lineOffset: Int
    var footnotes: [String: OpaquePointer] = [:]
    var headingCount = 0

    init(lineOffset: Int) { self.lineOffset = lineOffset }

    /// cmark-gfm numbers the footnotes it keeps in the order they are first referenced, rewrites
    /// each reference's literal to that number and moves the definitions, in that order, to the
    /// end of the document: the n-th definition there is footnote n.
    mutating func collectFootnotes(_ root: OpaquePointer) {
        var child = cmark_node_first_child(root)
        var number = 0
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                number += 1
                footnotes[String(number)] = node
            }
            child = cmark_node_next(node)
        }
    }

    private func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + lineOffset }

    private func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    mutating func blocks(of node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        children(node).flatMap { block($0, depth: depth + 1) }
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        let at = line(node)
        if depth > MarkdownTree.maximumDepth { return [.paragraph([.text(plainText(node))], line: at)] }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return [.paragraph(inlines(of: node, depth: depth), line: at)]
        case CMARK_NODE_HEADING:
            defer { headingCount += 1 }
            return [.heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, depth: depth), index: headingCount, line: at)]
        case CMARK_NODE_LIST:
            let items = children(node).map { item in
                let type = text(cmark_node_get_type_string(item))
                return MarkdownListItem(checked: type == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                                        blocks: blocks(of: item, depth: depth))
            }
            return [.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                          items: items, line: at)]
        case CMARK_NODE_BLOCK_QUOTE:
            return [.quote(blocks(of: node, depth: depth), line: at)]
        case CMARK_NODE_CODE_BLOCK:
            var code = text(cmark_node_get_literal(node))
            if code.hasSuffix("\n") { code.removeLast() }
            let info = text(cmark_node_get_fence_info(node)).split(separator: " ").first.map(String.init) ?? ""
            return [.code(code, language: info, line: at)]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.rule(line: at)]
        case CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_HTML_BLOCK:
            return []
        default:
            if text(cmark_node_get_type_string(node)) == "table" { return [table(node, depth: depth)] }
            return blocks(of: node, depth: depth)
        }
    }

    private mutating func table(_ node: OpaquePointer, depth: Int) -> MarkdownBlock {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [String] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch raw[column] {
                case UInt8(ascii: "l"): alignments.append("left")
                case UInt8(ascii: "c"): alignments.append("center")
                case UInt8(ascii: "r"): alignments.append("right")
                default: alignments.append("")
                }
            }
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        for row in children(node) {
            let cells = children(row).map { inlines(of: $0, depth: depth) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        return .table(alignments: alignments, header: header, rows: rows, line: line(node))
    }

    mutating func inlines(of node: OpaquePointer, depth: Int) -> [MarkdownInline] {
        children(node).compactMap { inline($0, depth: depth + 1) }
    }

    mutating func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
        if depth > MarkdownTree.maximumDepth { return .text(plainText(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(text(cmark_node_get_literal(node)))
        case CMARK_NODE_CODE: return .code(text(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node, depth: depth))
        case CMARK_NODE_LINK: return .link(destination: text(cmark_node_get_url(node)), inlines(of: node, depth: depth))
        case CMARK_NODE_IMAGE: return .image(destination: text(cmark_node_get_url(node)), alt: plainText(node))
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_HTML_INLINE: return nil
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let number = text(cmark_node_get_literal(node))
            guard let definition = footnotes[number] else { return .text("[^\(number)]") }
            // A footnote that refers to itself (directly or not) is shown once, not forever.
            footnotes[number] = nil
            defer { footnotes[number] = definition }
            return .footnote(blocks(of: definition, depth: depth))
        default:
            if text(cmark_node_get_type_string(node)) == "strikethrough" { return .strikethrough(inlines(of: node, depth: depth)) }
            return .text(plainText(node))
        }
    }

    /// The words under a node, for alt text and for what is too deep to keep as structure.
    func plainText(_ node: OpaquePointer) -> String {
        var result = ""
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: result += text(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
            default: break
            }
        }
        return result
    }
}

private func text(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}
