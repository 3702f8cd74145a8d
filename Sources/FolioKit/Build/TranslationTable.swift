import Foundation

/// What each language has translated, for `folio check` and `folio build --verbose`: per
/// language, projects, news, pages and interface strings translated out of how many.
public enum TranslationTable {
    /// The table's lines; none for a site in one language. `theme` gives the strings' counts.
    public static func lines(_ content: SiteContent, theme: Theme?) -> [String] {
        let config = content.config
        guard config.isMultilingual else { return [] }
        let rows = config.languageCodes.dropFirst().map { code -> [String] in
            let translated = Set(content.translations.filter { $0.language.value == code }.map(\.sourcePath))
            func count(_ sources: [SourceFile]) -> String {
                "\(sources.filter { translated.contains($0.path) }.count)/\(sources.count)"
            }
            let strings = theme.map { "\($0.translatedStrings[code] ?? 0)/\($0.stringCount)" } ?? "-"
            return ["\(code) (\(config.languageName(code)))", count(content.projects.map(\.source)),
                    count(content.news.map(\.source)), count(content.pages.map(\.source)), strings]
        }
        let header = ["translated", "projects", "news", "pages", "strings"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                           : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return [line(header)] + rows.map(line)
    }
}
