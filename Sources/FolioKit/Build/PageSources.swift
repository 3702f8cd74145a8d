import Foundation

/// Which file made each page, so that a broken link found in the output is reported where it
/// can be fixed: the Markdown line that wrote it, or else the page's template.
struct PageSources {
    /// Output page → template name.
    var templates: [String: String]

    init(jobs: [SiteRenderer.PageJob]) {
        templates = Dictionary(jobs.map { ($0.path, $0.template) }, uniquingKeysWith: { first, _ in first })
    }

    /// The pages of every language together.
    init(merging all: [PageSources]) {
        templates = all.reduce(into: [:]) { merged, sources in merged.merge(sources.templates) { first, _ in first } }
    }

    func locate(_ problem: LinkChecker.Problem, content: SiteContent, displayPaths: DisplayPaths, layouts: URL) -> Diagnostic {
        // The single-page edition gives each project's chapter its slug as id.
        if let id = problem.repeatedID, problem.page.hasSuffix(SitePaths.bookletEdition),
           let project = content.projects.first(where: { $0.slug == id }) {
            return .error(at: SourceLocation(file: displayPaths.contentPath(project.source.path), line: 1, column: 1),
                          "the project's name '\(id)' is the id of its chapter in \(problem.page), where the layout gives it to another part too: rename the file")
        }
        if let (source, body) = body(of: problem.page, in: content) {
            if let id = problem.repeatedID, let heading = body.headings.first(where: { $0.id == id }) {
                return .error(at: SourceLocation(file: displayPaths.contentPath(source), line: heading.line, column: 1),
                              "the heading '\(heading.text)' gets the id '\(id)', which the layout already gives another element of \(problem.page): reword the heading")
            }
            for reference in body.references {
                if case .content(let path, let anchor) = ContentLink.resolve(reference.destination, from: source),
                   let target = SitePaths.forContent(path),
                   SitePaths.relative(target, from: problem.page) + (anchor.map { "#\($0)" } ?? "") == problem.reference {
                    var location = reference.location
                    location.file = displayPaths.contentPath(location.file)
                    return .error(at: location, problem.message)
                }
            }
        }
        let template = templates[problem.page] ?? "base"
        let file = DisplayPaths.relativePath(of: layouts.appendingPathComponent("\(template).mustache"),
                                             from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return .error(at: SourceLocation(file: file), "in \(problem.page): \(problem.message)")
    }

    /// Where the content names the output file at `path` (a project's file, the `call:` line a
    /// call's page is named after, a sector's id), for a problem writing it; nil for files Folio names.
    static func origin(of path: String, in content: SiteContent) -> SourceLocation? {
        if path.hasPrefix("media/") { return SourceLocation(file: path) }
        if let project = content.projects.first(where: { SitePaths.project($0.slug) == path }) { return project.source.location(line: 1) }
        if let item = content.news.first(where: { SitePaths.newsItem($0.slug) == path }) { return item.source.location(line: 1) }
        if let page = content.pages.first(where: { SitePaths.page($0.slug) == path }) { return page.source.location(line: 1) }
        if let sector = content.config.sectors.first(where: { SitePaths.sector($0.id.value) == path }) { return sector.id.location }
        if path.hasPrefix("calls/"), let call = SiteIndex(content).calls.first(where: { SitePaths.call($0.slug) == path }) {
            return call.projects.first?.callLocation
        }
        return nil
    }

    private func body(of page: String, in content: SiteContent) -> (String, MarkdownDocument)? {
        if let project = content.projects.first(where: { SitePaths.project($0.slug) == page }) { return (project.source.path, project.body) }
        if let item = content.news.first(where: { SitePaths.newsItem($0.slug) == page }) { return (item.source.path, item.body) }
        if let free = content.pages.first(where: { SitePaths.page($0.slug) == page }) { return (free.source.path, free.body) }
        return nil
    }
}
