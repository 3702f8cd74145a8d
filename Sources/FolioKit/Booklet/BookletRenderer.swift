import Foundation

/// The booklet as an EPUB 3: title page and colophon, introduction, figures, one chapter per
/// project grouped by call, and the partner index. Every document is checked well-formed with
/// libxml2 before it is packaged; a document that is not stops the build.
struct BookletRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    let date: BuildDate
    /// Reused for the names, amounts and groupings the site already knows how to make.
    let site: SiteRenderer

    /// `site` is the site's own renderer, so that its index and caches serve both.
    init(site: SiteRenderer, date: BuildDate) {
        self.content = site.content
        self.theme = site.theme
        self.date = date
        self.site = site
    }

    static let stylesheet = "style.css"

    /// `pack` zips the documents (`EPUBArchive.zip`, or a build's `EPUBPackCache`).
    func renderEPUB(pack: ([(path: String, data: Data)], _ timestamp: String) throws -> Data = EPUBArchive.zip) -> Result<OutputFile, Diagnostic> {
        let language = content.config.language.value
        var files: [(path: String, data: Data)] = []
        let documents: [EPUBDocument]
        do {
            documents = try EPUBContents(site: site).documents { document in
                let xhtml = document.xhtml(language: language, stylesheet: Self.stylesheet)
                if let problem = XMLWellFormedness.problem(in: xhtml) { throw diagnostic(for: problem, in: document, xhtml: xhtml) }
                files.append((document.path, Data(xhtml.utf8)))
                // The package and navigation need only titles and paths.
                var kept = document
                kept.body = ""
                return kept
            }
        } catch let problem as Diagnostic {
            return .failure(problem)
        } catch {
            return .failure(.error(at: SourceLocation(file: "site.yaml"), "cannot make the EPUB: \(error)"))
        }
        // Originals are read from where the load stage found them: a name on disk may be spelt in NFD.
        let originals = Dictionary(content.media.map { ($0.path, $0.source) }) { first, _ in first }
        let package = EPUBPackage(content: content, theme: theme, modified: date.timestamp, documents: documents,
                                  media: mediaFiles.map { EPUBMedia($0, images: site.images, original: originals[$0]) })
        var generated = package.files().map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
        if EPUBContents.givenCover(content.config) == nil { generated.append((CoverSVG.path, drawnCover)) }
        // Navigation, package, NCX and drawn cover are checked by libxml2 as well; their text
        // comes from site.yaml and strings.yaml.
        for (path, text) in generated {
            if let problem = XMLWellFormedness.problem(in: text) {
                return .failure(.error(at: SourceLocation(file: "site.yaml"), "the booklet's \(path) is not well-formed XML: \(problem.message)"))
            }
            files.append((path, Data(text.utf8)))
        }
        files.append((Self.stylesheet, Data(EPUBStylesheet.text.utf8)))
        for media in package.media {
            guard let file = media.file, let data = PlainFile.bytes(at: file) else {
                return .failure(.error(at: SourceLocation(file: media.source), "cannot read '\(media.source)' to put it in the booklet"))
            }
            files.append((media.packagePath, data))
        }
        do {
            let data = try pack(files, date.timestamp)
            return .success(OutputFile(path: site.language.folder + SitePaths.epub(for: content.config), data: data))
        } catch {
            return .failure(.error(at: SourceLocation(file: "site.yaml"), "cannot write the EPUB: \(error)"))
        }
    }

    var drawnCover: String {
        CoverSVG.render(title: content.config.booklet.title, subtitle: content.config.booklet.subtitle,
                        colours: content.config.sectors.map(\.colour.value))
    }

    /// What the EPUB cannot keep, as warnings: site links without `base_url`, images and a cover
    /// of types EPUB readers need not show.
    func unreachableLinks() -> [Diagnostic] {
        var diagnostics = bodies.flatMap { BookletLink.unreachable(in: $0.body, source: $0.source, absoluteRoot: content.config.absoluteRoot) }
        if let cover = content.config.booklet.cover, EPUBContents.givenCover(content.config) == nil {
            diagnostics.append(.warning(at: cover.location, "the booklet's EPUB draws its own cover: EPUB readers need PNG, JPEG, GIF or SVG"))
        }
        return diagnostics
    }

    /// A document libxml2 rejects stops the build at its content file, at the line that holds the
    /// text around the error when it can be found there.
    func diagnostic(for problem: (line: Int, message: String), in document: EPUBDocument, xhtml: String) -> Diagnostic {
        let lines = xhtml.split(separator: "\n", omittingEmptySubsequences: false)
        let bad = problem.line >= 1 && problem.line <= lines.count ? String(lines[problem.line - 1]) : ""
        // The words of the offending line without its markup, longest first, looked up in the source.
        let words = bad.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .split(whereSeparator: { $0 == " " || $0 == "&" || $0 == ";" }).map(String.init)
            .filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        var line = 1
        let sourceText = (content.projects.map(\.source) + content.pages.map(\.source))
            .first { $0.path == document.source }?.text ?? ""
        let sourceLines = sourceText.split(separator: "\n", omittingEmptySubsequences: false)
        search: for word in words {
            for (index, text) in sourceLines.enumerated() where text.contains(word) {
                line = index + 1
                break search
            }
        }
        return .error(at: SourceLocation(file: document.source, line: line),
                      "the booklet's \(document.path) cannot be made well-formed XML: \(problem.message)")
    }

    /// The bodies the EPUB shows: every project's and the introduction's.
    private var bodies: [(body: MarkdownDocument, source: String)] {
        content.projects.map { ($0.body, $0.source.path) }
            + content.pages.filter { $0.slug == "booklet" }.map { ($0.body, $0.source.path) }
    }

    /// Images the bodies show (`media/…`), plus the cover.
    private var mediaFiles: [String] {
        let images = BookletLink.images(in: bodies) + content.projects.compactMap(\.image?.mediaPath).filter(EPUBContents.showsLeadImage)
        return (images + [EPUBContents.givenCover(content.config)].compactMap { $0 }).reduce(into: [String]()) { list, path in
            if !list.contains(path) { list.append(path) }
        }.sorted()
    }
}
