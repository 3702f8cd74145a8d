import Foundation

/// The booklet as an EPUB 3: title page and colophon, introduction, figures, one chapter per
/// project grouped by call, and the partner index. Every document is checked well-formed with
/// libxml2 before it is packaged; a document that is not stops the build.
struct BookletRenderer {
    let content: SiteContent
    let theme: Theme
    let date: BuildDate
    /// Reused for the names, amounts and groupings the site already knows how to make.
    let site: SiteRenderer

    init(content: SiteContent, theme: Theme, date: BuildDate) {
        self.content = content
        self.theme = theme
        self.date = date
        self.site = SiteRenderer(content: content, theme: theme, epubSize: nil)
    }

    static let stylesheet = "style.css"

    func renderEPUB() -> Result<OutputFile, Diagnostic> {
        let documents = EPUBContents(site: site).documents()
        let language = content.config.language.value
        var files: [(path: String, data: Data)] = []
        for document in documents {
            let xhtml = document.xhtml(language: language, stylesheet: Self.stylesheet)
            if let problem = XMLWellFormedness.problem(in: xhtml) {
                return .failure(.error(at: SourceLocation(file: "site.yaml"), "EPUB document \(document.path) is not well-formed XML at line \(problem.line): \(problem.message)"))
            }
            files.append((document.path, Data(xhtml.utf8)))
        }
        let package = EPUBPackage(content: content, theme: theme, modified: date.timestamp, documents: documents,
                                  media: mediaFiles(in: documents))
        files += package.files()
        if content.config.booklet.cover == nil { files.append((CoverSVG.path, Data(drawnCover.utf8))) }
        files.append((Self.stylesheet, Data(EPUBStylesheet.text.utf8)))
        for media in package.media {
            guard let data = FileManager.default.contents(atPath: content.folder.appendingPathComponent(media).path) else { continue }
            files.append((media, data))
        }
        do {
            let data = try EPUBArchive.zip(files, date: content.config.booklet.date.value)
            return .success(OutputFile(path: SitePaths.epub(for: content.config), data: data))
        } catch {
            return .failure(.error(at: SourceLocation(file: "site.yaml"), "cannot write the EPUB: \(error)"))
        }
    }

    var drawnCover: String {
        CoverSVG.render(title: content.config.booklet.title, subtitle: content.config.booklet.subtitle,
                        colours: content.config.sectors.map(\.colour.value))
    }

    /// Links the booklet cannot follow: to site pages when there is no `base_url` to reach them.
    func unreachableLinks() -> [Diagnostic] {
        guard content.config.baseURL == nil else { return [] }
        return content.projects.flatMap { project in
            project.body.references.compactMap { reference -> Diagnostic? in
                guard case .content(let path, _) = ContentLink.resolve(reference.destination, from: project.source.path),
                      !path.hasPrefix("projects/"), !path.hasPrefix("media/") else { return nil }
                return .warning(at: reference.location, "the booklet shows this link as plain text: set base_url in site.yaml to link to the site")
            }
        }
    }

    /// Images the documents use (`media/…`), plus the cover.
    private func mediaFiles(in documents: [EPUBDocument]) -> [String] {
        var found: Set<String> = []
        if let cover = content.config.booklet.cover?.value { found.insert(cover) }
        for document in documents {
            for media in content.mediaFiles where document.body.contains("media/\(media.dropFirst("media/".count))\"") {
                found.insert(media)
            }
        }
        return found.filter { EPUBPackage.mediaType(of: $0) != nil }.sorted()
    }
}
