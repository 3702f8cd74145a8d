/// Fits a chart's label into the room it has, without a font to measure it with: the drawn width
/// is estimated on the generous side, each character by its class at the widest of the common
/// sans-serif fonts at 13 px (DejaVu Sans, which Linux gives for `system-ui`, is wider than Arial
/// or Segoe UI), so that a label is never drawn past the edge of the chart. What does not fit on
/// `maxLines` lines is cut with an ellipsis; the full text is always in the data table beside the
/// chart, and in a `<title>` on the label.
struct ChartLabel {
    static let fontSize = 13.0
    static let lineHeight = 15.0

    var lines: [String]
    /// True when the text had to be cut.
    var isShortened: Bool

    static func estimatedWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) * fontSize }
    }

    /// A character's width in ems, rounded up to the widest of its class.
    private static func em(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ", ".", ",", ":", ";", "'", "!", "|", "i", "j", "l": return 0.40
        case "f", "t", "r", "I", "(", ")", "[", "]", "-", "/": return 0.42
        case "m", "w", "M", "W", "@", "%", "\u{2014}", "\u{2026}": return 1.0
        case "A"..."Z", "&", "#": return 0.80
        case "a"..."z", "0"..."9": return 0.64
        default:
            if scalar.value >= 0x1F000 { return 1.25 }
            if isWide(scalar) { return 1.0 }
            return scalar.isASCII ? 0.64 : 0.80
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
            || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            || (0xFFE0...0xFFE6).contains(scalar.value)
    }

    /// `text` on at most `maxLines` lines no wider than `width`, broken between words where it can.
    init(_ text: String, width: Double, maxLines: Int = 2) {
        var lines: [String] = []
        var rest = Substring(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        while !rest.isEmpty, lines.count < maxLines {
            let isLast = lines.count == maxLines - 1
            if Self.estimatedWidth(String(rest)) <= width {
                lines.append(String(rest))
                rest = ""
                break
            }
            if isLast {
                lines.append(Self.cut(rest, width: width))
                rest = ""
                isShortened = true
                self.lines = lines
                return
            }
            let line = Self.longestStart(of: rest, width: width)
            lines.append(String(line).trimmingCharacters(in: .whitespaces))
            rest = rest[line.endIndex...].drop { $0 == " " }
        }
        self.lines = lines.isEmpty ? [""] : lines
        isShortened = false
    }

    /// The longest start of `text` that fits, ending at a word's end when one fits whole.
    private static func longestStart(of text: Substring, width: Double) -> Substring {
        var fitting = text.startIndex
        var lastSpace: String.Index?
        var used = 0.0
        for index in text.indices {
            used += estimatedWidth(String(text[index]))
            if used > width { break }
            if text[index] == " " { lastSpace = index }
            fitting = text.index(after: index)
        }
        if fitting == text.endIndex { return text }
        if let lastSpace, lastSpace > text.startIndex { return text[..<lastSpace] }
        // One word wider than the line: broken inside it (at least one character, so it ends).
        return text[..<max(fitting, text.index(after: text.startIndex))]
    }

    /// The start of `text` that fits with an ellipsis after it.
    private static func cut(_ text: Substring, width: Double) -> String {
        var kept = ""
        var used = estimatedWidth("…")
        for character in text {
            used += estimatedWidth(String(character))
            if used > width { break }
            kept.append(character)
        }
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The widest line, as estimated.
    var width: Double { lines.map(Self.estimatedWidth).max() ?? 0 }
}
