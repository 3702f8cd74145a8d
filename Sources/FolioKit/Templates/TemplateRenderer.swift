/// Renders compiled templates into UTF-8 bytes. One renderer per page and thread: it owns its
/// output buffer and the context stack, which sections push onto and pop.
struct TemplateRenderer {
    /// Partials and blocks nest at most this deep: a template that includes itself without end
    /// stops here instead of exhausting the stack.
    static let depthLimit = 200

    /// What a stretch of template renders with besides the context stack.
    struct Scope {
        /// Set while a list's elements render, for `first()` and its kin; not seen through
        /// partials, blocks or other sections.
        var position: ListPosition?
        /// What a standalone partial or block stood after, given to each line it writes.
        var indentation: [UInt8] = []
        /// The blocks enclosing parents override, by name; the outermost wins.
        var overrides: [String: [TemplateNode]]?
    }

    let templates: [[TemplateNode]]
    private(set) var output: [UInt8] = []
    /// The page's links as it renders, when asked for.
    private(set) var links: RenderedLinks?
    private var stack: [TemplateValue]
    private var depth = 0

    init(templates: [[TemplateNode]], constants: TemplateObject, capacity: Int, links: RenderedLinks? = nil) {
        self.templates = templates
        self.links = links
        stack = [.object(constants)]
        output.reserveCapacity(capacity)
    }

    mutating func render(template index: Int, with value: TemplateValue) {
        stack.append(value)
        render(templates[index], Scope())
        stack.removeLast()
    }

    private mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        guard !scope.indentation.isEmpty else {
            for node in nodes { render(node, scope) }
            return
        }
        // A node that starts a line gets the indentation, as long as it writes something.
        let start = output.count
        for node in nodes {
            let nodeStart = output.count
            let takesIndentation = links?.takesWhitespace ?? true
            render(node, scope)
            if output.count > nodeStart, nodeStart > start, endsLine(at: nodeStart, from: start) {
                output.insert(contentsOf: scope.indentation, at: nodeStart)
                if !takesIndentation { links?.lose() }
            }
        }
    }

    private func endsLine(at position: Int, from start: Int) -> Bool {
        // `\r\n` is one line end; the indentation goes after it, never between its two bytes.
        output[position - 1] == UInt8(ascii: "\n") && !(position - 2 >= start && output[position - 2] == UInt8(ascii: "\r"))
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope) {
        switch node {
        case .text(let text):
            if scope.indentation.isEmpty { output.append(contentsOf: text.bytes) } else { writeIndented(text.bytes, scope.indentation) }
            links?.text(text, indented: !scope.indentation.isEmpty)
        case .constant(let text):
            output.append(contentsOf: text.bytes)
            links?.text(text, indented: false)
        case .value(let reference, let escaped):
            if let value = lookUp(reference, scope) { write(value, escaped: escaped, indented: !scope.indentation.isEmpty) }
        case .section(let reference, let body):
            guard let value = lookUp(reference, scope) else { return }
            switch value {
            case .list(let elements):
                for (index, element) in elements.enumerated() {
                    stack.append(element)
                    render(body, Scope(position: ListPosition(index: index, count: elements.count),
                                       indentation: scope.indentation, overrides: scope.overrides))
                    stack.removeLast()
                }
            case .flag(let isSet):
                if isSet { render(body, scope) }
            default:
                renderPushing(value, body, scope)
            }
        case .invertedSection(let reference, let body):
            switch lookUp(reference, scope) {
            case nil: render(body, scope)
            case .flag(let isSet): if !isSet { render(body, scope) }
            case .list(let elements) where elements.isEmpty: renderPushing(.list(elements), body, scope)
            default: return
            }
        case .partial(let index, let indentation, let overrides):
            guard depth < Self.depthLimit else { return }
            var inner = Scope(indentation: scope.indentation + (indentation ?? []), overrides: scope.overrides)
            if let overrides {
                inner.overrides = scope.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            depth += 1
            render(templates[index], inner)
            depth -= 1
        case .block(let name, let defaultBody, let indentation, let overrideIndentation):
            guard depth < Self.depthLimit else { return }
            depth += 1
            defer { depth -= 1 }
            guard let override = scope.overrides?[name] else {
                render(defaultBody, Scope(indentation: scope.indentation + indentation, overrides: scope.overrides))
                return
            }
            guard let overrideIndentation else {
                render(override, Scope(indentation: scope.indentation + indentation, overrides: scope.overrides))
                return
            }
            // The first line's indentation goes before it; what stood before the tag is already written.
            let start = output.count
            let takesIndentation = links?.takesWhitespace ?? true
            render(override, Scope(indentation: scope.indentation + overrideIndentation, overrides: scope.overrides))
            if output.count > start {
                output.insert(contentsOf: overrideIndentation.dropFirst(indentation.count), at: start)
                if !takesIndentation { links?.lose() }
            }
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ body: [TemplateNode], _ scope: Scope) {
        stack.append(value)
        render(body, Scope(indentation: scope.indentation, overrides: scope.overrides))
        stack.removeLast()
    }

    /// Template text in an indented partial: each line it starts gets the indentation.
    private mutating func writeIndented(_ bytes: [UInt8], _ indentation: [UInt8]) {
        var lineStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") && index + 1 < bytes.count {
            output.append(contentsOf: bytes[lineStart...index])
            if index == 0 || bytes[index - 1] != UInt8(ascii: "\r") { output.append(contentsOf: indentation) }
            lineStart = index + 1
        }
        output.append(contentsOf: bytes[lineStart...])
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool, indented: Bool) {
        switch value {
        case .text(let text):
            if escaped {
                HTMLEscaping.append(text, to: &output)
                links?.escapedValue(text, indented: indented)
            } else {
                output.append(contentsOf: text.utf8)
                links?.rawValue(text, indented: indented)
            }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
            links?.escapedValue(String(number), indented: indented)
        case .flag(let isSet):
            output.append(contentsOf: (isSet ? "true" : "false").utf8)
            links?.escapedValue(isSet ? "true" : "false", indented: indented)
        case .list, .object: return
        }
    }

    private func lookUp(_ reference: ValueReference, _ scope: Scope) -> TemplateValue? {
        switch reference {
        case .current:
            return stack.last
        case .position(let query):
            return scope.position?.answer(query)
        case .anchored(let path):
            return stack.last.flatMap { Self.descend(into: $0, path[...]) }
        case .search(let path):
            let first = path[0]
            var frame = stack.count - 1
            while frame >= 0 {
                if case .object(let object) = stack[frame], let found = object[first] {
                    return path.count == 1 ? found : Self.descend(into: found, path.dropFirst())
                }
                frame -= 1
            }
            return nil
        }
    }

    private static func descend(into value: TemplateValue, _ path: ArraySlice<Int>) -> TemplateValue? {
        var value = value
        for name in path {
            guard case .object(let object) = value, let inner = object[name] else { return nil }
            value = inner
        }
        return value
    }
}
