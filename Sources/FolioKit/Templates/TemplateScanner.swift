/// A template's text as Characters with a reading position: the lexer under `TemplateParser`.
/// Characters rather than bytes because the whitespace rules of Mustache (standalone lines,
/// indentation) are about characters, and `\r\n` is one line end.
struct TemplateScanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var reachedEnd: Bool { position >= characters.count }

    /// The character at the position, or NUL at the end (never a newline, never a delimiter).
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    /// Reads characters while `accept` holds and gives them back.
    @discardableResult
    mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let start = position
        while !reachedEnd, accept(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// Reads up to the first character in `stop` (or the end) and gives back what it read.
    mutating func read(until stop: (Character) -> Bool) -> [Character] {
        read(while: { !stop($0) })
    }

    /// Consumes `text` if it comes next.
    mutating func read(_ text: [Character]) -> Bool {
        guard !text.isEmpty else { return true }
        guard position + text.count <= characters.count, Array(characters[position..<position + text.count]) == text else { return false }
        position += text.count
        return true
    }

    /// Consumes everything up to and including `text`; false (position unchanged) if it never comes.
    mutating func skip(past text: [Character]) -> Bool {
        var probe = position
        while probe + text.count <= characters.count {
            if Array(characters[probe..<probe + text.count]) == text {
                position = probe + text.count
                return true
            }
            probe += 1
        }
        return false
    }

    /// The rest of the line is blank: true, and the line end consumed, or true at the end of the text.
    mutating func restOfLineIsBlank() -> Bool {
        if reachedEnd { return true }
        var probe = self
        probe.read(while: { $0 == " " || $0 == "\t" })
        guard probe.current.isNewline else { return false }
        probe.advance()
        position = probe.position
        return true
    }

    /// `lineAndColumn(of:)` of each offset, reading the text once.
    func linesAndColumns(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var result = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 1, column = 1, position = 0
        for index in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = min(offsets[index], characters.count)
            while position < offset {
                if characters[position].isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                position += 1
            }
            result[index] = (line, column)
        }
        return result
    }

    /// Line and column (both from 1) of `offset`, as an editor counts them.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in characters[0..<min(offset, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
