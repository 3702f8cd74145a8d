/// Text that makes cmark-gfm 0.29.0.gfm.6 (the version Debian 12 ships) work for seconds to
/// minutes, refused before it is parsed. Each of these costs time in proportion to the square of
/// something an editor can repeat, measured on this version:
/// - a table row is split into cells with a list append that walks the list, so a row of
///   n cells costs n²/2 steps (a 1 MB file of 5,000-cell rows: over 30 s);
/// - the autolink extension trims unbalanced `)` from the end of a link one at a time, scanning
///   the whole word for each (`www.a.com` followed by 100,000 `)`: 9 s);
/// - it splits a word at every `@` it tries as a mail address, copying the rest of the word
///   each time (`a@` 100,000 times: 1.8 s, growing fourfold for twice the length).
/// And one that makes it build a huge tree: a table row with fewer cells than the table's
/// columns is filled up with empty cells, so each 2-byte line `a` under a 128-column table is
/// 128 cells (40 kB made 2.6 million nodes and 26 MB of HTML). Tables are counted here, before
/// the tree exists: their columns (from the `|---|---|` line) times their rows (the lines up to
/// the next blank one).
/// The limits are far beyond what any description needs; the hint says where to look.
enum BodyLimits {
    /// Columns of a table, counted as the `|` on one line (one more than the columns with a `|`
    /// at each end), which cmark splits into cells whether or not the table uses them.
    static let tableColumns = 128
    /// `)` and `@` in one word (a run of characters without white space).
    static let closingParenthesesPerWord = 100
    static let atSignsPerWord = 100
    /// Cells of all the tables of a body together.
    static let tableCells = 50_000

    struct Problem: Equatable {
        /// 1-based line of the body.
        var line: Int
        var message: String
    }

    static func firstProblem(in text: String) -> Problem? {
        var text = text
        return text.withUTF8 { bytes in
            var line = 1
            var lineStart = 0
            var separators = 0
            var parentheses = 0
            var atSigns = 0
            var escaped = false
            var tables = TableCells()
            let tooManyCells = { (line: Int) in
                Problem(line: line, message: "the tables of this body have more than \(tableCells) cells by this line (columns times rows, empty ones included); split them")
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    if tables.add(line: UnsafeBufferPointer(rebasing: bytes[lineStart..<index])) > tableCells { return tooManyCells(line) }
                    line += 1
                    lineStart = index + 1
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
            if tables.add(line: UnsafeBufferPointer(rebasing: bytes[lineStart...])) > tableCells { return tooManyCells(line) }
            return nil
        }
    }

    /// Counts, line by line, the cells cmark will make for the body's tables, from above: a
    /// table starts at a delimiter line (`|---|:--:|`) and is taken to run to the next blank line.
    private struct TableCells {
        private var columns = 0
        private var total = 0

        mutating func add(line: UnsafeBufferPointer<UInt8>) -> Int {
            if columns > 0 {
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    columns = 0
                } else {
                    total += columns
                }
            } else if let delimiterColumns = Self.delimiterColumns(line) {
                columns = delimiterColumns
                total += 2 * columns  // the header row and the delimiter row
            }
            return total
        }

        /// The columns of a GFM delimiter row, or nil when `line` is not one: only `|`, `-`,
        /// `:` and blanks, each cell holding a `-`.
        private static func delimiterColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
            var cells = 0
            var cellHasDash = false
            var cellIsEmpty = true
            for byte in line {
                switch byte {
                case UInt8(ascii: "-"): cellHasDash = true; cellIsEmpty = false
                case UInt8(ascii: ":"): cellIsEmpty = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
                case UInt8(ascii: "|"):
                    if !cellIsEmpty {
                        guard cellHasDash else { return nil }
                        cells += 1
                    }
                    cellHasDash = false
                    cellIsEmpty = true
                default: return nil
                }
            }
            if !cellIsEmpty {
                guard cellHasDash else { return nil }
                cells += 1
            }
            return cells > 0 && line.contains(UInt8(ascii: "|")) ? cells : nil
        }
    }
}
