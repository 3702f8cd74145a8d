/// Splits a content file into its YAML front matter and its Markdown body, remembering the line
/// each starts on so that messages point into the file.
struct FrontMatter {
    var yaml: String
    /// The file line of the YAML's first line (2: line 1 is the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    enum Failure: Error {
        case missingOpening
        case missingClosing(openingLine: Int)
    }

    /// `text` with `\r\n` already turned into `\n`. Lines are found on the UTF-8 bytes and only up
    /// to the closing `---`: the body is passed on as it is, however long.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if line == "---" || line == "..." {
                    let yamlEnd = start < lineStart ? bytes.index(before: lineStart) : start
                    let body = lineEnd < bytes.endIndex ? String(text[next...]) : ""
                    return .success(FrontMatter(yaml: String(text[start..<yamlEnd]), yamlFirstLine: 2, body: body, bodyFirstLine: lineNumber + 1))
                }
            } else {
                guard line == "---" else { return .failure(.missingOpening) }
                yamlStart = next
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(.missingClosing(openingLine: 1))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
