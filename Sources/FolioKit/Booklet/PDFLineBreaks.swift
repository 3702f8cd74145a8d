/// Room to break a line inside a very long run of characters (a URL, a part number, a name
/// written without spaces), which Typst would otherwise set past the edge of the page or of a
/// table cell: a zero-width space after every `step` characters of a run longer than `longest`.
/// Ordinary words are left to Typst's hyphenation.
enum PDFLineBreaks {
    static let longest = 18
    static let step = 10
    static let zeroWidthSpace: Character = "\u{200B}"

    static func allowingBreaks(in text: String) -> String {
        // Most text has no such run: leave it untouched without building a copy.
        var run = 0
        var needed = false
        for character in text {
            run = character.isWhitespace || character == "-" ? 0 : run + 1
            if run > longest { needed = true; break }
        }
        guard needed else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / step)
        var current: [Character] = []
        func flush() {
            if current.count > longest {
                for (index, character) in current.enumerated() {
                    if index > 0, index % step == 0 { result.append(zeroWidthSpace) }
                    result.append(character)
                }
            } else {
                result.append(contentsOf: current)
            }
            current.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isWhitespace || character == "-" {
                flush()
                result.append(character)
            } else {
                current.append(character)
            }
        }
        flush()
        return result
    }
}

extension PDFData {
    /// Text of the content, to be set on the page: long runs may break (see `PDFLineBreaks`).
    static func text(_ text: String) -> PDFData { .string(PDFLineBreaks.allowingBreaks(in: text)) }
}
