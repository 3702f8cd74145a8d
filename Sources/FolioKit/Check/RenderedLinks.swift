/// A page's links gathered while its template renders, from what the template text says
/// (`MarkupScan`, read when the layouts compiled), the values written into attribute values, and
/// the links already known of the fragments (bodies, cards) written between tags. Whatever it
/// cannot follow (a value written between attributes, markup from a value that is no fragment,
/// a text that ends inside a name) loses it, and the page is read with libxml2 instead.
struct RenderedLinks {
    private var mode: MarkupMode? = .data
    private var element = ""
    /// The read attributes of the start tag being written, by name (nil: without a value).
    private var values: [String: [UInt8]?] = [:]
    /// The read attribute whose value is being written, if any.
    private var current: String?
    private var gathered = PageLinks()
    private let fragments: [PageFragment]
    private var nextFragment = 0

    init(fragments: [PageFragment]) {
        self.fragments = fragments
    }

    /// The page's links, or nil if the page must be read.
    var links: PageLinks? { mode == .data ? gathered : nil }

    /// Template text written; `indented` when a partial's indentation goes after its line breaks.
    mutating func text(_ text: TemplateText, indented: Bool) {
        guard let from = mode else { return }
        guard let scan = text.scan(from: from, element: element), !(indented && scan.breaksLineInTag) else { return lose() }
        for event in scan.events {
            switch event {
            case .startTag(let name):
                element = name
                values = [:]
                current = nil
            case .tagNameContinues(let more):
                element += more
            case .attribute(let name):
                // libxml2 keeps the first of two attributes of one name: not followed.
                if let name, values[name] != nil { return lose() }
                current = name
                if let name { values[name] = .some([]) }
            case .valuelessAttribute(let name):
                if values[name] != nil { return lose() }
                values[name] = .some(nil)
                current = nil
            case .value(let bytes):
                if let current { values[current]!! += bytes }
            case .tagEnd(let guessed):
                // The text read on as if after any other tag: not followed.
                if guessed, element == "script" || element == "style" { return lose() }
                let attributes = values.compactMapValues { $0 }
                if !attributes.isEmpty {
                    gathered.record(element: element) { attributes[$0].map { String(decoding: $0, as: UTF8.self) } }
                }
                values = [:]
                current = nil
            }
        }
        mode = scan.exit
    }

    /// A value written escaped (`{{name}}`), or a number or flag: `text` before escaping, which is
    /// what libxml2 reads back from an attribute value.
    mutating func escapedValue(_ text: String, indented: Bool) {
        guard let mode, !text.isEmpty else { return }
        switch mode {
        case .data, .script, .style, .comment:
            // Escaped, it cannot start or end a tag, a comment or raw text.
            return
        case .doubleQuoted, .singleQuoted:
            if indented, text.utf8.contains(UInt8(ascii: "\n")) { return lose() }
            if let current { values[current]!! += text.utf8 }
        case .tagName:
            // `<h{{level}}`: more of the name, or else not followed.
            guard text.utf8.allSatisfy(MarkupScanner.isNameByte) else { return lose() }
            element += MarkupScanner.lowered(text.utf8)
        case .endTag:
            if !text.utf8.allSatisfy(MarkupScanner.isNameByte) { lose() }
        case .tag:
            lose()
        }
    }

    /// A value written as it is (`{{{name}}}`).
    mutating func rawValue(_ text: String, indented: Bool) {
        guard let mode, !text.isEmpty else { return }
        let bytes = text.utf8
        switch mode {
        case .data:
            guard bytes.contains(UInt8(ascii: "<")) else { return }
            // Markup: one of the page's fragments, whose links are known, or else not followed.
            // Fragments are noted in the order the page's values were made, usually the order they are written in.
            guard let found = fragments[nextFragment...].firstIndex(where: { $0.html == text })
                    ?? fragments[..<nextFragment].firstIndex(where: { $0.html == text }) else { return lose() }
            gathered.add(fragments[found].links)
            nextFragment = found + 1
        case .doubleQuoted, .singleQuoted:
            let special: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">")]
            if bytes.contains(where: special.contains) { return lose() }
            escapedValue(text, indented: indented)
        case .script, .style:
            if bytes.contains(UInt8(ascii: "<")) { lose() }
        case .comment:
            if bytes.contains(UInt8(ascii: ">")) || bytes.last == UInt8(ascii: "-") { lose() }
        case .endTag:
            escapedValue(text, indented: indented)
        case .tag, .tagName:
            lose()
        }
    }

    /// Something written that this does not follow (an indentation inside a tag).
    mutating func lose() {
        mode = nil
    }

    /// Whether whitespace written here changes no link: anywhere but inside an attribute value.
    var takesWhitespace: Bool { mode != .doubleQuoted && mode != .singleQuoted }
}
