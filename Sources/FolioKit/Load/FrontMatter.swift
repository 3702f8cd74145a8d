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

    /// `text` with `\r\n` already turned into `\n`.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.missingOpening)
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(.missingClosing(openingLine: 1))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
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
