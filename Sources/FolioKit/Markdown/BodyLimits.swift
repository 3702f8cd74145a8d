/// Text that makes cmark-gfm 0.29.0.gfm.6 (the version Debian 12 ships) work for seconds to
/// minutes, refused before it is parsed. Each of these costs time in proportion to the square of
/// something an editor can repeat, measured on this version:
/// - a table row is split into cells with a list append that walks the list, so a row of
///   n cells costs n²/2 steps (a 1 MB file of 5,000-cell rows: over 30 s);
/// - the autolink extension trims unbalanced `)` from the end of a link one at a time, scanning
///   the whole word for each (`www.a.com` followed by 100,000 `)`: 9 s);
/// - it splits a word at every `@` it tries as a mail address, copying the rest of the word
///   each time (`a@` 100,000 times: 1.8 s, growing fourfold for twice the length).
/// The limits are far beyond what any description needs; the hint says where to look.
enum BodyLimits {
    /// Columns of a table, counted as the `|` on one line (one more than the columns with a `|`
    /// at each end), which cmark splits into cells whether or not the table uses them.
    static let tableColumns = 128
    /// `)` and `@` in one word (a run of characters without white space).
    static let closingParenthesesPerWord = 100
    static let atSignsPerWord = 100

    struct Problem: Equatable {
        /// 1-based line of the body.
        var line: Int
        var message: String
    }

    static func firstProblem(in text: String) -> Problem? {
        var text = text
        return text.withUTF8 { bytes in
            var line = 1
            var separators = 0
            var parentheses = 0
            var atSigns = 0
            var escaped = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    separators = 0
                    parentheses = 0
                    atSigns = 0
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    parentheses = 0
                    atSigns = 0
                case UInt8(ascii: "|") where !escaped:
                    separators += 1
                    if separators > tableColumns + 1 {
                        return Problem(line: line, message: "this line has more than \(tableColumns + 1) '|': a table may have at most \(tableColumns) columns; write a '|' that separates no columns as '\\|'")
                    }
                case UInt8(ascii: ")"):
                    parentheses += 1
                    if parentheses > closingParenthesesPerWord {
                        return Problem(line: line, message: "a word on this line has more than \(closingParenthesesPerWord) ')'; Folio allows at most \(closingParenthesesPerWord) in a word (text without spaces)")
                    }
                case UInt8(ascii: "@"):
                    atSigns += 1
                    if atSigns > atSignsPerWord {
                        return Problem(line: line, message: "a word on this line has more than \(atSignsPerWord) '@'; Folio allows at most \(atSignsPerWord) in a word (text without spaces)")
                    }
                default:
                    break
                }
                escaped = byte == UInt8(ascii: "\\") && !escaped
            }
            return nil
        }
    }
}
