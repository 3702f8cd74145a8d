import Foundation

/// `folio new translation projects/agri-sat.md es`: a translation file beside its source with the
/// words to translate (the source's title, acronym, summary, event place and body, to be written
/// over) and nothing else, so that no fact can be copied into it.
public enum NewTranslationFile {
    /// `source` is read from `contentFolder`; `config` says which languages the site lists.
    public static func make(source path: String, language code: String, config: SiteConfig,
                            contentFolder: URL) -> Result<(path: String, text: String), Diagnostic> {
        let others = Array(config.languageCodes.dropFirst())
        guard others.contains(code) else {
            let listed = others.isEmpty ? "site.yaml lists no 'languages' besides the default" : "site.yaml's 'languages' lists \(others.joined(separator: ", "))"
            return .failure(.error(at: SourceLocation(file: "site.yaml"), "cannot translate into '\(code)': \(listed)",
                                   suggestion: Suggestion.closest(to: code, in: others)))
        }
        let parts = path.split(separator: "/")
        guard parts.count == 2, let section = Translation.Section(rawValue: String(parts[0])), parts[1].hasSuffix(".md"),
              TranslationName(path: path) == nil else {
            return .failure(.error(at: SourceLocation(file: path), "give the source file to translate, such as projects/agri-sat.md"))
        }
        let log = DiagnosticLog()
        guard let source = TextFile.read(contentFolder.appendingPathComponent(path), path: path, log: log),
              case .success(let split) = FrontMatter.split(source.text),
              let file = MarkdownFile.read(source, log: log) else {
            return .failure(log.diagnostics.first ?? .error(at: SourceLocation(file: path), "cannot read '\(path)' to translate it"))
        }
        let map = file.frontMatter
        var lines = ["---", "# \(config.languageName(code)): translate the words below. Facts (funding, partners, dates, ...)",
                     "# come from \(path) and cannot be set here."]
        for key in TranslationLoader.wordKeys(section) where key != "event" {
            if let value = map.string(key)?.value { lines.append("\(key): \(quoted(value))") }
        }
        if section == .news, let place = map.map("event")?.string("place")?.value {
            lines.append("event: {place: \(quoted(place))}")
        }
        lines.append("---")
        let slug = String(parts[1].dropLast(3))
        let target = "\(section.rawValue)/\(slug).\(code).md"
        return .success((target, lines.joined(separator: "\n") + "\n" + split.body))
    }

    /// A YAML double-quoted scalar: JSON's string syntax is a subset of it.
    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
