import Foundation

/// Interface strings are the same on every page, so `{{strings.nav.home}}` is replaced by its
/// HTML-escaped text when the layouts load: a Mustache lookup costs far more than copying text,
/// and a page holds dozens of them. Any other use of `strings` (sections, transforms) is left to
/// Mustache, and so is every template that changes its delimiters.
enum ConstantStrings {
    private static let escaped = try! NSRegularExpression(pattern: #"\{\{\s*strings\.([A-Za-z0-9_.-]+)\s*\}\}"#)
    private static let raw = try! NSRegularExpression(pattern: #"\{\{(?:\{\s*strings\.([A-Za-z0-9_.-]+)\s*\}|&\s*strings\.([A-Za-z0-9_.-]+)\s*)\}\}"#)

    static func inline(into template: String, strings: [String: Any]) -> String {
        guard !template.contains("{{=") else { return template }
        let withRaw = replace(raw, in: template) { lookup($0, in: strings) }
        return replace(escaped, in: withRaw) { lookup($0, in: strings).map(htmlEscaped) }
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

    private static func lookup(_ path: String, in strings: [String: Any]) -> String? {
        var value: Any? = strings
        for part in path.split(separator: ".") { value = (value as? [String: Any])?[String(part)] }
        // Text that looks like a tag would become one once inlined.
        guard let text = value as? String, !text.contains("{{"), !text.contains("}}") else { return nil }
        return text
    }

    /// The same escaping as swift-mustache's `{{x}}`.
    static func htmlEscaped(_ text: String) -> String {
        XMLText.escape(text, apostrophe: "&#39;")
    }
}
