import CCmarkGFM
import Foundation

/// Parses GitHub Flavored Markdown with cmark-gfm into a `MarkdownDocument`.
public enum MarkdownParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps its extension registry in a global; registering it once up front keeps
    /// concurrent parses from racing on it.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm adds the extensions' special characters (`~`, `:`, `w`) to a process-wide table
    /// before it parses a document's inlines and removes them after, so parses on other threads
    /// would lose strikethrough and autolinks at random: they take turns here, for the parse
    /// alone; walking and rendering the tree run side by side.
    private static let lock = NSLock()

    /// Parses `text`, whose first line is line `firstLine` of `file`, so that every reference
    /// points into the file rather than into the body.
    public static func parse(_ text: String, file: String, firstLine: Int) -> MarkdownDocument {
        parse(text, file: file, firstLine: firstLine, log: DiagnosticLog())
    }

    /// Parses as above and reports into `log` what keeps the body from being published: such a
    /// body is empty, so that nothing later reports on it again.
    static func parse(_ text: String, file: String, firstLine: Int, log: DiagnosticLog) -> MarkdownDocument {
        // Without CMARK_OPT_UNSAFE raw HTML and javascript: URLs are dropped, as the contract asks.
        let renderOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        let refused = { (problem: BodyLimits.Problem) in
            log.error(at: SourceLocation(file: file, line: problem.line + firstLine - 1), problem.message)
        }
        return withTree(text, refused: refused) { root, parser in
            var collector = TreeCollector(file: file, lineOffset: firstLine - 1, lines: text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) })
            collector.walk(root)

            var tree = BodyTree.empty
            if let rendered = cmark_render_html(root, renderOptions, cmark_parser_get_syntax_extensions(parser)) {
                tree = CleanedBody.tree(fromCmarkHTML: String(cString: rendered), headingIDs: Set(collector.headings.map(\.id)))
                free(rendered)
            }
            return MarkdownDocument(
                tree: tree,
                references: collector.references,
                headings: collector.headings,
                plainText: PlainText.of(root)
            )
        } ?? .empty
    }

    /// Parses `text` with the extensions and options every body is read with, and hands the
    /// syntax tree (root, parser) to `body` while it is alive. Nil when cmark-gfm gives no tree,
    /// or when the text or its tree is past a limit (`BodyLimits`, `TreeLimits`): then `refused`
    /// gets the problem, at the body's line. Control characters are spaces in the text and the tree.
    static func withTree<T>(_ text: String, refused: (BodyLimits.Problem) -> Void = { _ in },
                            _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        precondition(registered)
        let text = ControlCharacters.spaced(text)
        if let problem = BodyLimits.firstProblem(in: text) {
            refused(problem)
            return nil
        }
        let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(parseOptions) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var utf8 = Array(text.utf8)
        let parsed = lock.withLock {
            utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root = parsed else { return nil }
        defer { cmark_node_free(root) }
        if let problem = TreeLimits.firstProblem(in: root) {
            refused(problem)
            return nil
        }
        ControlCharacters.space(tree: root)
        return body(root, parser)
    }
}

/// Walks the cmark tree once, collecting what validation and anchors need.
private struct TreeCollector {
    let file: String
    let lineOffset: Int
    var references: [MarkdownDocument.Reference] = []
    var headings: [MarkdownDocument.Heading] = []
    private var usedIDs: [String: Int] = [:]
    let lines: [Substring]

    init(file: String, lineOffset: Int, lines: [Substring]) {
        self.file = file
        self.lineOffset = lineOffset
        self.lines = lines
    }

    /// cmark counts columns on continuation lines of a paragraph after their indentation is
    /// stripped; the editor's column includes it.
    private func editorColumn(_ column: Int, line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return max(column, 1) }
        let text = Array(lines[line - 1].utf8)
        let startsLink = { (index: Int) in index >= 0 && index < text.count && (text[index] == UInt8(ascii: "[") || text[index] == UInt8(ascii: "!")) }
        if startsLink(column - 1) { return column }
        let indentation = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return startsLink(column - 1 + indentation) ? column + indentation : max(column, 1)
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var lastLine = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { lastLine = line }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                let column = Int(cmark_node_get_start_column(node))
                references.append(.init(
                    destination: string(cmark_node_get_url(node)),
                    location: SourceLocation(file: file, line: lastLine + lineOffset, column: editorColumn(column, line: lastLine)),
                    isImage: isImage,
                    text: isImage ? Self.text(of: node) : "",
                    title: isImage ? string(cmark_node_get_title(node)) : ""
                ))
            case CMARK_NODE_HEADING:
                let text = Self.text(of: node)
                headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text, id: uniqueID(for: text),
                                      line: lastLine + lineOffset))
            default:
                break
            }
        }
    }

    private mutating func uniqueID(for text: String) -> String {
        let base = HeadingID.make(from: text)
        let seen = usedIDs[base, default: 0]
        usedIDs[base] = seen + 1
        return seen == 0 ? base : "\(base)-\(seen)"
    }

    /// The concatenated text of a node's descendants (a heading's or an image's words).
    static func text(of node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                result += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                result += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return result
    }
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}

import Foundation
