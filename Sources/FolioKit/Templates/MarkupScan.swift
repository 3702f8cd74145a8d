/// Where a point of an HTML template's output stands, as far as the link check is concerned.
/// Template text is read once for each of these when the layouts compile, so that a page's links
/// are known as it renders instead of being read back from the page with libxml2 (which was a
/// fifth of a first build's CPU): like Go's html/template, which knows the HTML context of every
/// action, because values only ever fill text or attribute values, escaped.
enum MarkupMode: Int, CaseIterable, Sendable {
    /// Between tags.
    case data
    /// Just after a start tag's name (`<h1`): the name could still go on.
    case tagName
    /// Inside a start tag, between attributes.
    case tag
    /// Inside an attribute value in double quotes.
    case doubleQuoted
    /// Inside an attribute value in single quotes.
    case singleQuoted
    /// The text of `<script>`, which libxml2 reads raw up to `</script` (another end tag there
    /// ends it or not depending on the elements open around: never followed).
    case script
    /// The text of `<style>`, read the same way up to `</style`.
    case style
    /// Inside `<!-- … -->`.
    case comment
    /// Inside an end tag's name (`</h{{level}}>`), which says nothing the link check reads.
    case endTag
}

/// What a stretch of template text tells the link check, in order.
enum MarkupEvent: Sendable, Equatable {
    /// `<name` (lower-cased, as libxml2 reports it).
    case startTag(String, MarkupElement)
    /// More of the name of the tag just started (`<h{{level}}2`).
    case tagNameContinues(String)
    /// An attribute with a value: the link check's name for it, nil if it does not read it.
    case attribute(PageLinks.Attribute?)
    /// A read attribute without a value (`<a href>`): libxml2 gives it none, and keeps it over a
    /// second one of the same name.
    case valuelessAttribute(PageLinks.Attribute)
    /// Part of the value of the attribute last started, as written (never holding a character reference).
    case value([UInt8])
    /// `>` or `/>`: the start tag is whole. `guessed` when its name was written before this text,
    /// which read on as if it were no `<script>` or `<style>`.
    case tagEnd(guessed: Bool)
}

/// What follows a start tag's `>`: raw text for these two, markup for any other.
enum MarkupElement: Int, Sendable {
    case other, script, style

    init(_ name: String) {
        self = name == "script" ? .script : name == "style" ? .style : .other
    }

    /// The tag's name, for the two read raw.
    var name: String? {
        switch self {
        case .script: "script"
        case .style: "style"
        case .other: nil
        }
    }
}

/// How one stretch of template text reads from one mode.
struct MarkupScan: Sendable {
    var events: [MarkupEvent]
    var exit: MarkupMode
    /// A line break inside an attribute value or tag: an indented partial would change it.
    var breaksLineInTag: Bool
}

/// A small reader of the HTML that Folio's templates write, following libxml2's HTML parser
/// (2.9) where they could differ: tag and attribute names of letters, digits and `:-_.`,
/// lower-cased; script and style raw to their own end tag; comments and the doctype skipped.
/// Whatever it is not sure of (processing instructions, other declarations, a carriage return
/// in a link) gives nil, never a guess: the page is then read with libxml2.
/// `RenderedLinksTests` holds it to libxml2 on every page of Content and on random templates.
enum MarkupScanner {
    private enum State: Equatable {
        case mode(MarkupMode)
        case tagOpen, afterEndTagName, declaration
        case attributeName, afterAttributeName, beforeValue, unquoted
    }

    /// `element`: the start tag the text begins inside, when it is known.
    static func scan(_ bytes: [UInt8], from start: MarkupMode, inside known: MarkupElement? = nil) -> MarkupScan? {
        var events: [MarkupEvent] = []
        var state = State.mode(start)
        var element = known?.name ?? ""
        var knowsElement = known != nil
        var name: [UInt8] = []
        var wanted: PageLinks.Attribute?
        var breaksLine = false
        var index = 0

        func startValue() { wanted = PageLinks.Attribute(lowered(name)) }
        func endTag() -> State {
            events.append(.tagEnd(guessed: !knowsElement))
            switch knowsElement ? MarkupElement(element) : .other {
            case .script: return .mode(.script)
            case .style: return .mode(.style)
            case .other: return .mode(.data)
            }
        }
        func valueless() {
            events.append(PageLinks.Attribute(lowered(name)).map { .valuelessAttribute($0) } ?? .attribute(nil))
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch state {
            case .mode(.data):
                if byte == UInt8(ascii: "<") { state = .tagOpen }
            case .tagOpen:
                if isLetter(byte) {
                    let end = bytes[index...].firstIndex { !isNameByte($0) } ?? bytes.count
                    element = lowered(Array(bytes[index..<end]))
                    knowsElement = true
                    events.append(.startTag(element, MarkupElement(element)))
                    state = .mode(.tagName)
                    index = end
                    continue
                } else if byte == UInt8(ascii: "/") {
                    guard index + 1 < bytes.count, isLetter(bytes[index + 1]) else { return nil }
                    state = .mode(.endTag)
                } else if byte == UInt8(ascii: "!") {
                    if bytes[index...].starts(with: "!--".utf8) {
                        // `<!-->` and `<!--->` end at once in a browser, not in libxml2: not followed.
                        if bytes[(index + 3)...].starts(with: ">".utf8) || bytes[(index + 3)...].starts(with: "->".utf8) { return nil }
                        state = .mode(.comment)
                        index += 3
                        continue
                    }
                    guard bytes[(index + 1)...].prefix(7).map({ $0 | 0x20 }) == Array("doctype".utf8) else { return nil }
                    state = .declaration
                } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") {
                    // Processing instructions, and tags libxml2 reads that browsers do not.
                    return nil
                } else {
                    // `<` before anything else is text to libxml2; read the byte again as text.
                    state = .mode(.data)
                    continue
                }
            case .mode(.endTag):
                // libxml2 ends an end tag after its name and blanks, `>` or not; only `>` is followed.
                if isNameByte(byte) { break }
                if isSpace(byte) {
                    state = .afterEndTagName
                } else if byte == UInt8(ascii: ">") {
                    state = .mode(.data)
                } else {
                    return nil
                }
            case .afterEndTagName:
                if isSpace(byte) { break }
                guard byte == UInt8(ascii: ">") else { return nil }
                state = .mode(.data)
            case .declaration:
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return nil }
                if byte == UInt8(ascii: ">") { state = .mode(.data) }
            case .mode(.comment):
                if bytes[index...].starts(with: "-->".utf8) {
                    state = .mode(.data)
                    index += 3
                    continue
                }
            case .mode(.script), .mode(.style):
                guard byte == UInt8(ascii: "<") else { break }
                let end = Array(("</" + (state == .mode(.script) ? "script" : "style")).utf8)
                let rest = bytes[index...].prefix(end.count + 1).map(lowercased)
                // The end tag may go on in what follows: not followed.
                if rest.count <= end.count, end.starts(with: rest) { return nil }
                if rest.starts(with: end), !isNameByte(rest[end.count]) {
                    state = .mode(.endTag)
                    index += end.count
                    continue
                }
                // libxml2 ends raw text at any `</` and a letter, and what comes next depends on the
                // elements open around it: not followed.
                if rest.count > 2, rest[1] == UInt8(ascii: "/"), isLetter(rest[2]) { return nil }
            case .mode(.tagName):
                if isNameByte(byte) {
                    let end = bytes[index...].firstIndex { !isNameByte($0) } ?? bytes.count
                    let more = lowered(Array(bytes[index..<end]))
                    element += more
                    events.append(.tagNameContinues(more))
                    index = end
                    continue
                }
                guard isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") else { return nil }
                state = .mode(.tag)
                continue
            case .mode(.tag):
                if isSpace(byte) {
                    if byte == UInt8(ascii: "\n") { breaksLine = true }
                } else if byte == UInt8(ascii: ">") {
                    state = endTag()
                } else if byte == UInt8(ascii: "/") {
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">"), MarkupElement(element) == .other else { return nil }
                    state = endTag()
                    index += 1
                } else if isLetter(byte) {
                    name = [byte]
                    state = .attributeName
                } else {
                    return nil
                }
            case .attributeName:
                if isNameByte(byte) {
                    name.append(byte)
                } else if byte == UInt8(ascii: "=") {
                    startValue()
                    state = .beforeValue
                } else if isSpace(byte) {
                    state = .afterAttributeName
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                    valueless()
                    state = .mode(.tag)
                    continue
                } else {
                    return nil
                }
            case .afterAttributeName:
                if isSpace(byte) { break }
                if byte == UInt8(ascii: "=") {
                    startValue()
                    state = .beforeValue
                } else {
                    valueless()
                    state = .mode(.tag)
                    continue
                }
            case .beforeValue:
                if isSpace(byte) { break }
                if byte == UInt8(ascii: "\"") {
                    events.append(.attribute(wanted))
                    state = .mode(.doubleQuoted)
                } else if byte == UInt8(ascii: "'") {
                    events.append(.attribute(wanted))
                    state = .mode(.singleQuoted)
                } else if byte == UInt8(ascii: ">") {
                    return nil
                } else {
                    events.append(.attribute(wanted))
                    state = .unquoted
                    continue
                }
            case .unquoted:
                let end = bytes[index...].firstIndex { isSpace($0) || $0 == UInt8(ascii: ">") } ?? bytes.count
                // A value without quotes may go on in the next stretch: not followed.
                guard end < bytes.count else { return nil }
                if wanted != nil {
                    if bytes[index..<end].contains(UInt8(ascii: "&")) { return nil }
                    events.append(.value(Array(bytes[index..<end])))
                }
                state = .mode(.tag)
                index = end
                continue
            case .mode(.doubleQuoted), .mode(.singleQuoted):
                let quote = if case .mode(.doubleQuoted) = state { UInt8(ascii: "\"") } else { UInt8(ascii: "'") }
                let end = bytes[index...].firstIndex { $0 == quote || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\n") || $0 == 0x0D } ?? bytes.count
                if end < bytes.count, bytes[end] == UInt8(ascii: "&") || bytes[end] == 0x0D {
                    // libxml2 decodes character references in values, and line ends: only the read ones matter.
                    if currentIsWanted(events) { return nil }
                    index = end + 1
                    continue
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
                    breaksLine = true
                    if currentIsWanted(events) { events.append(.value(Array(bytes[index...end]))) }
                    index = end + 1
                    continue
                }
                if end > index, currentIsWanted(events) { events.append(.value(Array(bytes[index..<end]))) }
                if end == bytes.count { index = end; continue }
                state = .mode(.tag)
                index = end + 1
                continue
            }
            index += 1
        }
        switch state {
        case .mode(.comment) where bytes.last == UInt8(ascii: "-"):
            // `--` here and `>` in what follows would end the comment: not followed.
            return nil
        case .mode(let mode):
            return MarkupScan(events: merged(events), exit: mode, breaksLineInTag: breaksLine)
        default:
            // Inside a tag's or attribute's name, an end tag, a declaration, or after a lone `<`.
            return nil
        }
    }

    /// Whether the attribute whose value is being read is one the link check reads.
    private static func currentIsWanted(_ events: [MarkupEvent]) -> Bool {
        for event in events.reversed() {
            switch event {
            case .attribute(let name): return name != nil
            case .value: continue
            case .startTag, .tagNameContinues, .tagEnd, .valuelessAttribute: return false
            }
        }
        // The value began in an earlier stretch of text: whether it is read is known when rendering.
        return true
    }

    /// Neighbouring value parts as one.
    private static func merged(_ events: [MarkupEvent]) -> [MarkupEvent] {
        var result: [MarkupEvent] = []
        for event in events {
            if case .value(let more) = event, case .value(let some) = result.last {
                result[result.count - 1] = .value(some + more)
            } else {
                result.append(event)
            }
        }
        return result
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func lowered<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: bytes.map(lowercased), as: UTF8.self)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
