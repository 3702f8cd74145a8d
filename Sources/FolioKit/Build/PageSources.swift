import Foundation

/// Which file made each page, so that a broken link found in the output is reported where it
/// can be fixed: the Markdown line that wrote it, or else the page's template.
struct PageSources {
    /// Output page → template name.
    var templates: [String: String]

    init(jobs: [SiteRenderer.PageJob]) {
        templates = Dictionary(jobs.map { ($0.path, $0.template) }, uniquingKeysWith: { first, _ in first })
    }

    func locate(_ problem: LinkChecker.Problem, content: SiteContent, displayPaths: DisplayPaths, layouts: URL) -> Diagnostic {
        if let (source, body) = body(of: problem.page, in: content) {
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

    private func body(of page: String, in content: SiteContent) -> (String, MarkdownDocument)? {
        if let project = content.projects.first(where: { SitePaths.project($0.slug) == page }) { return (project.source.path, project.body) }
        if let item = content.news.first(where: { SitePaths.newsItem($0.slug) == page }) { return (item.source.path, item.body) }
        if let free = content.pages.first(where: { SitePaths.page($0.slug) == page }) { return (free.source.path, free.body) }
        return nil
    }
}
