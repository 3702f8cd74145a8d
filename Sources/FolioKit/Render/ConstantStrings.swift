import Foundation

/// Interface strings are the same on every page, so `{{strings.nav.home}}` is replaced by its
/// HTML-escaped text when the layouts load: a Mustache lookup costs far more than copying text,
/// and a page holds dozens of them. Any other use of `strings` (sections, transforms) is left to
/// Mustache, and so is every template that changes its delimiters.
enum ConstantStrings {
    private static let escaped = try! NSRegularExpression(pattern: #"\{\{\s*strings\.([A-Za-z0-9_.-]+)\s*\}\}"#)
    private static let raw = try! NSRegularExpression(pattern: #"\{\{(?:\{\s*strings\.([A-Za-z0-9_.-]+)\s*\}|&\s*strings\.([A-Za-z0-9_.-]+)\s*)\}\}"#)

    /// `strings` is every interface string by its dotted path (`nav.home`).
    static func inline(into template: String, strings: [String: String]) -> String {
        guard !template.contains("{{=") else { return template }
        let withRaw = replace(raw, in: template) { inlinable(strings[$0]) }
        return replace(escaped, in: withRaw) { inlinable(strings[$0]).map(HTMLEscaping.escape) }
    }

    private static func replace(_ pattern: NSRegularExpression, in text: String, with value: (String) -> String?) -> String {
        let source = text as NSString
        var result = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let group = (1..<match.numberOfRanges).map(match.range(at:)).first { $0.location != NSNotFound }
            guard let group, let replacement = value(source.substring(with: group)) else { continue }
            result += source.substring(with: NSRange(location: last, length: match.range.location - last)) + replacement
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }

    /// Text that looks like a tag would become one once inlined: it is left to Mustache.
    private static func inlinable(_ text: String?) -> String? {
        guard let text, !text.contains("{{"), !text.contains("}}") else { return nil }
        return text
    }
}
