/// A page's links gathered while its template renders, from what the template text says
/// (`MarkupScan`, read when the layouts compiled), the values written into attribute values, and
/// the links already known of the fragments (bodies, cards) written between tags. Whatever it
/// cannot follow (a value written between attributes, markup from a value that is no fragment,
/// a text that ends inside a name) loses it, and the page is read with libxml2 instead.
struct RenderedLinks {
    private var mode: MarkupMode? = .data
    private var element = ""
    private var elementKind = MarkupElement.other
    /// The read attributes of the start tag being written: which it has, which have a value, and
    /// the values, by `PageLinks.Attribute` (kept from tag to tag, so that no tag allocates).
    private var present: UInt8 = 0
    private var valued: UInt8 = 0
    private var values = [[UInt8]](repeating: [], count: PageLinks.Attribute.allCases.count)
    /// The read attribute whose value is being written, if any.
    private var current: PageLinks.Attribute?
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
        guard let scan = text.scan(from: from, element: elementKind), !(indented && scan.breaksLineInTag) else { return lose() }
        for event in scan.events {
            switch event {
            case .startTag(let name, let kind):
                element = name
                elementKind = kind
                present = 0
                valued = 0
                current = nil
            case .tagNameContinues(let more):
                element += more
                elementKind = MarkupElement(element)
            case .attribute(let attribute):
                current = attribute
                guard let attribute else { break }
                // libxml2 keeps the first of two attributes of one name: not followed.
                if present & attribute.bit != 0 { return lose() }
                present |= attribute.bit
                valued |= attribute.bit
                values[attribute.rawValue].removeAll(keepingCapacity: true)
            case .valuelessAttribute(let attribute):
                if present & attribute.bit != 0 { return lose() }
                present |= attribute.bit
                current = nil
            case .value(let bytes):
                if let current { values[current.rawValue] += bytes }
            case .tagEnd(let guessed):
                // The text read on as if after any other tag: not followed.
                if guessed, elementKind != .other { return lose() }
                endTag()
            }
        }
        mode = scan.exit
    }

    private mutating func endTag() {
        let valued = valued
        if valued != 0 {
            let values = values
            gathered.record(element: element) { name in
                guard let attribute = PageLinks.Attribute(name), valued & attribute.bit != 0 else { return nil }
                return String(decoding: values[attribute.rawValue], as: UTF8.self)
            }
        }
        present = 0
        self.valued = 0
        current = nil
    }

    /// A value written escaped (`{{name}}`), or a number or flag: `text` before escaping, which is
    /// what libxml2 reads back from an attribute value.
    mutating func escapedValue(_ text: String, indented: Bool) {
        guard let mode, !text.isEmpty else { return }
        switch mode {
        case .data, .script, .style:
            // Escaped, it cannot start or end a tag or raw text.
            return
        case .comment:
            // `--` here and `>` in the text after would end the comment: not followed.
            if text.utf8.last == UInt8(ascii: "-") { lose() }
        case .doubleQuoted, .singleQuoted:
            if indented, text.utf8.contains(UInt8(ascii: "\n")) { return lose() }
            guard let current else { return }
            // libxml2 reads a carriage return in a value as a line feed, and stops at NUL.
            if text.utf8.contains(where: { $0 == 0x0D || $0 == 0 }) { return lose() }
            values[current.rawValue] += text.utf8
        case .tagName:
            // `<h{{level}}`: more of the name, or else not followed.
            guard text.utf8.allSatisfy(MarkupScanner.isNameByte) else { return lose() }
            element += MarkupScanner.lowered(text.utf8)
            elementKind = MarkupElement(element)
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

private extension PageLinks.Attribute {
    var bit: UInt8 { 1 << UInt8(rawValue) }
}
