/// A Markdown body as the PDF template's data: blocks and inlines from cmark-gfm's syntax tree,
/// every word a JSON string. Where each link leads is decided here, so that the template only
/// ever links to labels that exist (a Typst link to a missing label would stop the build).
struct PDFBody {
    /// Labels of the projects' chapters and of the headings inside them, by project slug.
    let anchors: [String: Set<String>]
    /// `base_url` with one trailing slash, for links to pages of the site that are not in the booklet.
    let absoluteRoot: String?
    /// The image stage's copies: a raster original is shown as its stripped, page-sized booklet copy.
    var images: ImageSet = .none

    /// Where the PDF's build folder holds the picture of `mediaPath`: its booklet copy (JPEG or
    /// PNG, without metadata) for a raster original, the file itself for SVG.
    static func shownPath(_ mediaPath: String, images: ImageSet) -> String {
        images.bookletCopy(for: mediaPath)?.path ?? mediaPath
    }

    static func chapterLabel(_ slug: String) -> String { "chapter-\(slug)" }
    static func headingLabel(_ prefix: String, _ id: String) -> String { "\(prefix)--\(id)" }

    /// The body of the file at `source`; `prefix` names its heading labels (a project's slug, or
    /// `introduction`), `headingOffset` is added to every heading level so that a body's `#`
    /// sits below the chapter's own title.
    func blocks(_ tree: MarkdownTree, document: MarkdownDocument, source: String, prefix: String,
                headingOffset: Int) -> PDFData {
        let context = Context(body: self, document: document, source: source, prefix: prefix,
                              levels: Self.headingLevels(tree.blocks, offset: headingOffset))
        return .array(tree.blocks.map(context.block))
    }

    /// Each heading's level in the PDF, by heading index: below the chapter's own title, never
    /// more than one level deeper than the heading before it (a tagged PDF's headings must nest),
    /// at most 6.
    static func headingLevels(_ blocks: [MarkdownBlock], offset: Int) -> [Int: Int] {
        var levels: [Int: Int] = [:]
        var previous = offset
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block {
                case .heading(let level, _, let index, _):
                    let placed = min(level + offset, previous + 1, 6)
                    levels[index] = placed
                    previous = placed
                case .list(_, _, let items, _): items.forEach { visit($0.blocks) }
                case .quote(let inner, _): visit(inner)
                default: break
                }
            }
        }
        visit(blocks)
        return levels
    }

    /// `media/…` images a body shows that the PDF can carry.
    static func images(in tree: MarkdownTree, source: String) -> [String] {
        var found: [String] = []
        func visit(_ inlines: [MarkdownInline]) {
            for inline in inlines {
                switch inline {
                case .image(let destination, _):
                    if case .media(let path) = BookletLink.resolve(destination, from: source, isImage: true) { found.append(path) }
                case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, let inner): visit(inner)
                case .footnote(let blocks): visit(blocks)
                default: break
                }
            }
        }
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines, _), .heading(_, let inlines, _, _): visit(inlines)
                case .list(_, _, let items, _): items.forEach { visit($0.blocks) }
                case .quote(let inner, _): visit(inner)
                case .table(_, let header, let rows, _): (header + rows.flatMap { $0 }).forEach(visit)
                case .code, .rule: break
                }
            }
        }
        visit(tree.blocks)
        return found
    }

    private struct Context {
        let body: PDFBody
        let document: MarkdownDocument
        let source: String
        let prefix: String
        let levels: [Int: Int]

        func block(_ block: MarkdownBlock) -> PDFData {
            switch block {
            case .paragraph(let inlines, _):
                // A picture on its own line is a block, set as large as the column allows; one
                // inside a sentence stays the height of the text.
                let content = inlines.filter { $0 != .softBreak && $0 != .lineBreak && $0 != .text(" ") }
                if content.count == 1, case .image(let destination, let alt) = content[0],
                   case .media(let path) = BookletLink.resolve(destination, from: source, isImage: true) {
                    return .fields(["t": "figure", "path": .string(PDFBody.shownPath(path, images: body.images)), "alt": .string(alt)])
                }
                return .fields(["t": "p", "c": self.inlines(inlines)])
            case .heading(let level, let inlines, let index, _):
                let id = index < document.headings.count ? document.headings[index].id : "section-\(index)"
                return .fields(["t": "h", "level": .int(levels[index] ?? min(level, 6)), "c": self.inlines(inlines),
                                "label": .string(PDFBody.headingLabel(prefix, id))])
            case .list(let ordered, let start, let items, _):
                return .fields(["t": "list", "ordered": .bool(ordered), "start": .int(start), "items": .array(items.map { item in
                    .fields(["check": item.checked.map(PDFData.bool), "c": .array(item.blocks.map(self.block))])
                })])
            case .quote(let blocks, _):
                return .fields(["t": "quote", "c": .array(blocks.map(self.block))])
            case .code(let text, let language, _):
                return .fields(["t": "pre", "text": .text(text), "lang": .string(language)])
            case .rule:
                return .fields(["t": "rule"])
            case .table(let alignments, let header, let rows, _):
                let width = max(alignments.count, header.count, rows.map(\.count).max() ?? 0, 1)
                let row = { (cells: [[MarkdownInline]]) -> PDFData in
                    .array((0..<width).map { $0 < cells.count ? self.inlines(cells[$0]) : .array([]) })
                }
                return .fields(["t": "table", "align": .array((0..<width).map { .string($0 < alignments.count ? alignments[$0] : "") }),
                                "header": row(header), "rows": .array(rows.map(row))])
            }
        }

        func inlines(_ inlines: [MarkdownInline]) -> PDFData {
            // Neighbouring words become one string: fewer, larger values for the template to read.
            var items: [PDFData] = []
            var pending = ""
            func flush() {
                if !pending.isEmpty { items.append(.text(pending)) }
                pending = ""
            }
            for inline in inlines {
                switch inline {
                case .text(let text): pending += text
                case .softBreak: pending += " "
                default:
                    flush()
                    items.append(self.inline(inline))
                }
            }
            flush()
            return .array(items)
        }

        func inline(_ inline: MarkdownInline) -> PDFData {
            switch inline {
            case .text(let text): return .text(text)
            case .softBreak: return " "
            case .lineBreak: return .fields(["t": "br"])
            case .emphasis(let inner): return .fields(["t": "em", "c": inlines(inner)])
            case .strong(let inner): return .fields(["t": "strong", "c": inlines(inner)])
            case .strikethrough(let inner): return .fields(["t": "strike", "c": inlines(inner)])
            case .code(let text): return .fields(["t": "code", "text": .text(text)])
            case .footnote(let blocks): return .fields(["t": "fn", "c": .array(blocks.map(block))])
            case .image(let destination, let alt):
                guard case .media(let path) = BookletLink.resolve(destination, from: source, isImage: true) else { return .string(alt) }
                return .fields(["t": "img", "path": .string(PDFBody.shownPath(path, images: body.images)), "alt": .string(alt)])
            case .link(let destination, let inner):
                let content = inlines(inner)
                switch target(destination) {
                case .url(let url): return .fields(["t": "link", "url": .string(url), "c": content])
                case .label(let label): return .fields(["t": "link", "to": .string(label), "c": content])
                case .none: return .fields(["t": "span", "c": content])
                }
            }
        }

        private enum Target { case url(String), label(String), none }

        private func target(_ destination: String) -> Target {
            switch ContentLink.resolve(destination, from: source) {
            case .external(let url): return .url(url)
            case .sameFile(let anchor):
                let own = body.anchors[prefix] ?? document.anchorIDs
                return own.contains(anchor) ? .label(PDFBody.headingLabel(prefix, anchor)) : .none
            case .content(let path, let anchor):
                if case .chapter(let slug, _) = BookletLink.resolve(destination, from: source), let ids = body.anchors[slug] {
                    if let anchor, ids.contains(anchor) { return .label(PDFBody.headingLabel(slug, anchor)) }
                    return .label(PDFBody.chapterLabel(slug))
                }
                guard let root = body.absoluteRoot, let page = SitePaths.forContent(path) else { return .none }
                return .url(root + page + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .none
            }
        }
    }
}
