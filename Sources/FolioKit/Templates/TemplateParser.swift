/// Mustache text → `TemplateNode`s. Whitespace follows the rules swift-mustache applied before
/// Folio had its own engine (standalone tags take their line with them; a standalone partial's
/// indentation is kept for each line it writes; a parent's block bodies lose the indentation of
/// their first line), so that the same layouts write the same bytes.
struct TemplateParser {
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    private struct State {
        /// The raw content of the open section's tag, which its end tag must repeat.
        var sectionName: String?
        var sectionOffset = 0
        var newLine = true
        var isParentBody = false
        var isParentTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var parentIndent: [Character]?
        /// Inside a section over a constant (`{{#strings.x}}`): names there come from the
        /// constant, so they are not checked against what pages provide.
        var insideConstant = false

        func opening(_ name: String, at offset: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.isParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    private var scanner: TemplateScanner
    private(set) var references: TemplateReferences
    /// Unknown names do not stop parsing: all of them are reported at once.
    private(set) var nameErrors: [(offset: Int, message: String, suggestion: String?)] = []
    /// Every name a value or section tag reads, in the order written, with the tag's offset.
    private(set) var namesRead: [(name: String, offset: Int, isSection: Bool)] = []

    init(_ text: String, references: TemplateReferences) {
        scanner = TemplateScanner(text)
        self.references = references
    }

    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) { scanner.lineAndColumn(of: offset) }
    func linesAndColumns(of offsets: [Int]) -> [(line: Int, column: Int)] { scanner.linesAndColumns(of: offsets) }

    mutating func parse() throws -> [TemplateNode] {
        try parse(State())
    }

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes = TemplateNodeList()
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !scanner.reachedEnd {
            if state.newLine {
                let whiteSpace = scanner.read(while: { $0 == " " || $0 == "\t" })
                if state.isParentBody, !state.isParentTopLevel {
                    // Block bodies inside a parent lose their first line's indentation on every line.
                    if let indent = state.parentIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.parentIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readText(state)
            if scanner.current.isNewline {
                nodes.appendText(whiteSpaceBefore + text + [scanner.current])
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                nodes.appendText(whiteSpaceBefore + text)
                whiteSpaceBefore = []
                state.newLine = false
            }
            if scanner.reachedEnd { break }
            let tagOffset = scanner.position - state.startDelimiter.count
            var setNewLine = false
            switch scanner.current {
            case "#", "^":
                let inverted = scanner.current == "^"
                scanner.advance()
                let name = try readName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                let resolved = resolve(name, at: tagOffset, asSection: true, state: state)
                var inner = state.opening(name, at: tagOffset, newLine: setNewLine)
                if resolved.isConstant { inner.insideConstant = true }
                let body = try parse(inner)
                let reference = resolved.reference
                nodes.append(inverted ? .invertedSection(reference, body: body) : .section(reference, body: body))

            case "/":
                scanner.advance()
                let nameOffset = scanner.position
                let name = try readName(state)
                guard let open = state.sectionName else {
                    throw SyntaxError(offset: tagOffset, message: "'\(name)' is closed but was never opened")
                }
                guard name == open else {
                    throw SyntaxError(offset: nameOffset, message: "'\(name)' closes the section '\(open)' opened at \(position(state.sectionOffset))")
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                }
                return nodes.nodes

            case "!":
                scanner.advance()
                guard scanner.skip(past: state.endDelimiter) else {
                    throw SyntaxError(offset: tagOffset, message: "comment is never closed with '\(String(state.endDelimiter))'")
                }
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = scanner.current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                scanner.advance()
                let name = try readName(state)
                if triple, !scanner.read(["}"]) {
                    throw SyntaxError(offset: tagOffset, message: "'{{{' must be closed by '}}}'")
                }
                nodes.append(value(name, at: tagOffset, escaped: false, state: state))

            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let name = try readPartialName(state, at: tagOffset)
                if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                let indentation: [Character]?
                if isStandalone(state) {
                    setNewLine = true
                    indentation = whiteSpaceBefore
                } else {
                    indentation = nil
                }
                nodes.append(.partial(index: try partial(name, at: tagOffset), indentation: indentation.map(Self.utf8),
                                      overrides: nil))
                whiteSpaceBefore = []

            case "<":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let name = try readPartialName(state, at: tagOffset)
                if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                if isStandalone(state) { setNewLine = true }
                var inner = state.opening(name, at: tagOffset, newLine: true)
                inner.newLine = true
                inner.isParentBody = true
                inner.isParentTopLevel = true
                let index = try partial(name, at: tagOffset)
                let body = try parseParentBody(inner)
                nodes.append(.partial(index: index, indentation: Self.utf8(whiteSpaceBefore), overrides: body))
                whiteSpaceBefore = []

            case "$":
                scanner.advance()
                let name = try readName(state)
                guard !name.contains("(") else {
                    throw SyntaxError(offset: tagOffset, message: "a block cannot take a function such as '\(name)'")
                }
                if state.isParentTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parse(state.opening(name, at: tagOffset, newLine: setNewLine))
                    nodes.append(.block(name: name, defaultBody: body, indentation: [], overrideIndentation: nil))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.opening(name, at: tagOffset, newLine: setNewLine))
                    // A standalone block's default sets the indentation of what overrides it.
                    var intrinsic: [UInt8]?
                    if setNewLine, case .text(let text) = body.first {
                        let indent = text.bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                        if !indent.isEmpty { intrinsic = Array(indent) }
                    }
                    nodes.append(.block(name: name, defaultBody: body, indentation: Self.utf8(whiteSpaceBefore), overrideIndentation: intrinsic))
                    whiteSpaceBefore = []
                }

            case "=":
                scanner.advance()
                state = try setDelimiters(state, at: tagOffset)
                setNewLine = isStandalone(state)

            case "%":
                throw SyntaxError(offset: tagOffset, message: "pragmas ('{{%…}}') are not supported")

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = []
                }
                let name = try readName(state)
                nodes.append(value(name, at: tagOffset, escaped: true, state: state))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw SyntaxError(offset: state.sectionOffset, message: "'\(open)' is opened here but never closed with '{{/\(open)}}'")
        }
        return nodes.nodes
    }

    /// A parent's body holds only blocks (its overrides); text between them is ignored.
    private mutating func parseParentBody(_ state: State) throws -> [String: [TemplateNode]] {
        let offset = scanner.position
        var overrides: [String: [TemplateNode]] = [:]
        for node in try parse(state) {
            switch node {
            case .block(let name, let body, _, _): overrides[name] = body
            case .text: continue
            default: throw SyntaxError(offset: offset, message: "inside '{{<\(state.sectionName ?? "")}}' only blocks ('{{$name}}…{{/name}}') may stand")
            }
        }
        return overrides
    }

    /// Text up to the next tag (its opening delimiter consumed) or line end (not consumed).
    private mutating func readText(_ state: State) -> [Character] {
        var text: [Character] = []
        let first = state.startDelimiter[0]
        while !scanner.reachedEnd {
            text += scanner.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == first })
            if scanner.current.isNewline || scanner.reachedEnd { break }
            if scanner.read(state.startDelimiter) { break }
            text.append(first)
            scanner.advance()
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private mutating func readName(_ state: State) throws -> String {
        scanner.read(while: \.isWhitespace)
        let start = scanner.position
        let name = String(scanner.read(while: { Self.nameCharacters.contains($0) }))
        scanner.read(while: \.isWhitespace)
        guard scanner.read(state.endDelimiter) else {
            throw SyntaxError(offset: name.isEmpty ? start : scanner.position, message: name.isEmpty
                              ? "expected a value name here" : "expected '\(String(state.endDelimiter))' to end the tag after '\(name)'")
        }
        return name
    }

    private mutating func readPartialName(_ state: State, at offset: Int) throws -> String {
        let name = String(scanner.read(while: { Self.partialNameCharacters.contains($0) }))
        scanner.read(while: \.isWhitespace)
        guard scanner.read(state.endDelimiter), !name.isEmpty else {
            throw SyntaxError(offset: scanner.position, message: "expected a template name and '\(String(state.endDelimiter))'")
        }
        guard !name.hasPrefix("*") else {
            throw SyntaxError(offset: offset, message: "dynamic names ('\(name)') are not supported")
        }
        return name
    }

    private mutating func setDelimiters(_ state: State, at offset: Int) throws -> State {
        scanner.read(while: \.isWhitespace)
        let start = scanner.read(until: { $0.isWhitespace })
        scanner.read(while: \.isWhitespace)
        let end = scanner.read(until: { $0 == "=" || $0.isWhitespace })
        scanner.read(while: \.isWhitespace)
        guard !start.isEmpty, !end.isEmpty, scanner.read(["="]), scanner.read(state.endDelimiter) else {
            throw SyntaxError(offset: offset, message: "a delimiter change is written '{{=<start> <end>=}}'")
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isParentTopLevel = false
        return state
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && scanner.restOfLineIsBlank()
    }

    private mutating func partial(_ name: String, at offset: Int) throws -> Int {
        switch references.partial(name) {
        case .success(let index): return index
        case .failure(let problem):
            throw SyntaxError(offset: offset, message: problem.message + (problem.suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        }
    }

    private mutating func resolve(_ name: String, at offset: Int, asSection: Bool, state: State) -> TemplateReferences.Resolution {
        namesRead.append((name, offset, asSection))
        switch references.resolve(name, checked: !state.insideConstant) {
        case .success(let resolution): return resolution
        case .failure(let problem):
            nameErrors.append((offset, problem.message, problem.suggestion))
            return TemplateReferences.Resolution(reference: .current)
        }
    }

    private mutating func value(_ name: String, at offset: Int, escaped: Bool, state: State) -> TemplateNode {
        let resolved = resolve(name, at: offset, asSection: false, state: state)
        if let text = resolved.constantText {
            return .constant(TemplateText(Array((escaped ? HTMLEscaping.escape(text) : text).utf8)))
        }
        return .value(resolved.reference, escaped: escaped)
    }

    private func position(_ offset: Int) -> String {
        let (line, column) = scanner.lineAndColumn(of: offset)
        return "\(line):\(column)"
    }

    private static func utf8(_ characters: [Character]) -> [UInt8] { Array(String(characters).utf8) }
}

/// Nodes of one section as they are parsed, adjacent template text joined.
private struct TemplateNodeList {
    private var finished: [TemplateNode] = []
    private var text: [UInt8] = []

    mutating func appendText(_ characters: [Character]) {
        text += String(characters).utf8
    }

    mutating func append(_ node: TemplateNode) {
        endText()
        finished.append(node)
    }

    /// The nodes, the text last appended among them.
    var nodes: [TemplateNode] {
        mutating get {
            endText()
            return finished
        }
    }

    private mutating func endText() {
        guard !text.isEmpty else { return }
        finished.append(.text(TemplateText(text)))
        text = []
    }
}
