import Foundation

/// The interface strings a template's text reads (`{{strings.nav.home}}`), with where, so that
/// `InterfaceStrings` can check their types in strings.yaml at the template's own line and
/// column (missing partials and names are the template engine's own errors). A template that
/// changes its delimiters (`{{=<% %>=}}`) is not read.
struct LayoutStringUses {
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    /// `strings.…` read as text (`{{…}}`, `{{{…}}}`, `{{&…}}`).
    var textStrings: [Reference] = []
    /// `strings.…` opened as a section (`{{#…}}`, `{{^…}}`): any type will do.
    var sectionStrings: [Reference] = []

    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([>#^&<!]?)\s*([^}\s]*)"#)

    init(of text: String) {
        guard !text.contains("{{=") else { return }
        let source = text as NSString
        var lineStarts = [0]
        for (offset, unit) in text.utf16.enumerated() where unit == 10 { lineStarts.append(offset + 1) }
        for match in Self.tag.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let sigil = source.substring(with: match.range(at: 2))
            let name = source.substring(with: match.range(at: 3))
            guard sigil != "!", !name.isEmpty else { continue }
            let offset = match.range.location
            let line = lineStarts.lastIndex { $0 <= offset } ?? 0
            let reference = Reference(name: name, line: line + 1,
                                      column: (text as NSString).substring(with: NSRange(location: lineStarts[line], length: offset - lineStarts[line])).count + 1)
            switch sigil {
            case ">", "<":
                continue
            case "#", "^":
                if name.hasPrefix("strings.") { sectionStrings.append(reference) }
            default:
                if name.hasPrefix("strings.") { textStrings.append(reference) }
            }
        }
    }
}
