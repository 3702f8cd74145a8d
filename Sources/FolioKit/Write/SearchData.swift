import Foundation

/// The projects' search data as a script that sets a global: browsers refuse fetch() of JSON
/// on `file://`, but load `<script src>` everywhere.
enum SearchData {
    struct Entry: Encodable {
        var slug: String
        var title: String
        var acronym: String
        var summary: String
        var partners: String
        var text: String
        var href: String
    }

    /// `folder` is the language's folder (`es/`): each language searches its own words.
    static func render(_ projects: [Project], folder: String = "") -> OutputFile {
        let entries = projects.map { project in
            Entry(slug: project.slug, title: project.title, acronym: project.acronym ?? "",
                  summary: project.summary.value, partners: project.partners.map(\.name).joined(separator: ", "),
                  text: project.body.plainText, href: SitePaths.project(project.slug))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return OutputFile(path: folder + SitePaths.searchData, text: "window.FOLIO_SEARCH = \(json);\n")
    }
}
