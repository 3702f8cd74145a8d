import Foundation

/// A parsed body as bytes, for `ParsedBodies`: every field of `MarkdownDocument`, the tree node
/// by node. Reading gives nil for a record that is cut short or not one of these.
enum MarkdownDocumentRecord {
    private enum Tag: Int {
        case element, text, markup, comment
    }

    static func write(_ document: MarkdownDocument, to writer: inout ByteWriter) {
        writer.string(document.plainText)
        writer.int(document.headings.count)
        for heading in document.headings {
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
            writer.int(heading.line)
        }
        writer.int(document.references.count)
        for reference in document.references {
            writer.string(reference.destination)
            writer.string(reference.location.file)
            writer.int(reference.location.line)
            writer.int(reference.location.column)
            writer.int(reference.isImage ? 1 : 0)
            writer.string(reference.text)
            writer.string(reference.title)
        }
        write(document.tree.nodes, to: &writer)
    }

    static func read(from reader: inout ByteReader) -> MarkdownDocument? {
        guard let plainText = reader.string(), let headingCount = reader.int() else { return nil }
        var headings: [MarkdownDocument.Heading] = []
        for _ in 0..<headingCount {
            guard let level = reader.int(), let text = reader.string(), let id = reader.string(), let line = reader.int() else { return nil }
            headings.append(.init(level: level, text: text, id: id, line: line))
        }
        guard let referenceCount = reader.int() else { return nil }
        var references: [MarkdownDocument.Reference] = []
        for _ in 0..<referenceCount {
            guard let destination = reader.string(), let file = reader.string(), let line = reader.int(), let column = reader.int(),
                  let isImage = reader.int(), let text = reader.string(), let title = reader.string() else { return nil }
            references.append(.init(destination: destination, location: SourceLocation(file: file, line: line, column: column),
                                    isImage: isImage == 1, text: text, title: title))
        }
        guard let nodes = readNodes(from: &reader, depth: 0) else { return nil }
        return MarkdownDocument(tree: BodyTree(nodes: nodes), references: references, headings: headings, plainText: plainText)
    }

    private static func write(_ nodes: [BodyTree.Node], to writer: inout ByteWriter) {
        writer.int(nodes.count)
        for node in nodes {
            switch node {
            case .element(let element):
                writer.int(Tag.element.rawValue)
                writer.string(element.name)
                writer.int(element.attributes.count)
                for (name, value) in element.attributes {
                    writer.string(name)
                    writer.string(value)
                }
                write(element.children, to: &writer)
            case .text(let text):
                writer.int(Tag.text.rawValue)
                writer.string(text)
            case .markup(let markup):
                writer.int(Tag.markup.rawValue)
                writer.string(markup)
            case .comment(let comment):
                writer.int(Tag.comment.rawValue)
                writer.string(comment)
            }
        }
    }

    /// libxml2 reads no body nested deeper, so no record is: one that is, is damaged (and is
    /// not followed down a stack it could exhaust).
    private static let deepest = 256

    private static func readNodes(from reader: inout ByteReader, depth: Int) -> [BodyTree.Node]? {
        guard depth <= deepest, let count = reader.int() else { return nil }
        var nodes: [BodyTree.Node] = []
        for _ in 0..<count {
            guard let tag = reader.int().flatMap(Tag.init(rawValue:)) else { return nil }
            switch tag {
            case .element:
                guard let name = reader.string(), let attributeCount = reader.int() else { return nil }
                var attributes: [(name: String, value: String)] = []
                for _ in 0..<attributeCount {
                    guard let attribute = reader.string(), let value = reader.string() else { return nil }
                    attributes.append((attribute, value))
                }
                guard let children = readNodes(from: &reader, depth: depth + 1) else { return nil }
                nodes.append(.element(.init(name: name, attributes: attributes, children: children)))
            case .text, .markup, .comment:
                guard let text = reader.string() else { return nil }
                nodes.append(tag == .text ? .text(text) : tag == .markup ? .markup(text) : .comment(text))
            }
        }
        return nodes
    }
}
