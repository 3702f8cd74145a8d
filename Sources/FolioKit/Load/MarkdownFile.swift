/// A Markdown content file split into its front matter (as a `YAMLMap`) and its parsed body.
struct MarkdownFile {
    var frontMatter: YAMLMap
    var body: MarkdownDocument

    /// `bodies`: bodies an earlier build parsed, reused when unchanged.
    static func read(_ source: SourceFile, log: DiagnosticLog, bodies: ParsedBodies? = nil) -> MarkdownFile? {
        let parts: FrontMatter
        switch FrontMatter.split(source.text) {
        case .success(let split):
            parts = split
        case .failure(.missingOpening):
            log.error(at: source.location(line: 1), "missing front matter: the file must start with a '---' line, then the keys, then another '---' line")
            return nil
        case .failure(.missingClosing):
            log.error(at: source.location(line: 1), "front matter is not closed: add a '---' line after the last key")
            return nil
        }
        guard let root = YAMLDocument.parse(parts.yaml, file: source.path, firstLine: parts.yamlFirstLine, log: log) else {
            if YAMLDocument.isEmpty(parts.yaml) {
                log.error(at: source.location(line: 1), "front matter is empty: add the required keys between the '---' lines")
            }
            return nil
        }
        guard let map = YAMLMap(root, file: source.path, lineOffset: parts.yamlFirstLine - 1, log: log, what: "front matter") else {
            return nil
        }
        let body = bodies?.parse(parts.body, file: source.path, firstLine: parts.bodyFirstLine, log: log)
            ?? MarkdownParser.parse(parts.body, file: source.path, firstLine: parts.bodyFirstLine, log: log)
        return MarkdownFile(frontMatter: map, body: body)
    }
}

import Foundation
