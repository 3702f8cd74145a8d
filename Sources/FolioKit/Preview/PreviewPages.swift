import Foundation

/// The site's pages rendered when asked for, from the content model in memory. After a save the
/// preview shows the new page once the content has loaded and validated, without waiting for the
/// whole build (every page written, the EPUB packed, every link checked), which runs behind it.
/// Each page is what the build writes for it: the same renderer, the same model.
struct PreviewPages: Sendable {
    private let site: SiteRenderer
    private let jobs: [String: SiteRenderer.PageJob]

    private init(content: SiteContent, theme: Theme, lastBuild: Pipeline.BuildReport?) {
        // Pictures, and the EPUB's and PDF's sizes on the home and booklet pages, are the last
        // build's until the next build has made them.
        site = SiteRenderer(content: content, theme: theme, images: lastBuild?.images ?? .none)
        site.epubSize.value = lastBuild?.epubBytes
        if let lastBuild, lastBuild.pdfPages > 0 {
            site.pdfFacts.value = SiteRenderer.PDFFacts(bytes: lastBuild.pdfBytes, pages: lastBuild.pdfPages)
        }
        jobs = Dictionary(site.pageJobs().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads and validates content and layouts: the pages, or the problems that stop a build.
    static func load(_ options: Pipeline.BuildOptions, lastBuild: Pipeline.BuildReport?) -> (pages: PreviewPages?, diagnostics: [Diagnostic]) {
        let checked = Pipeline.check(contentFolder: options.content, reusing: options.loadCache)
        let (theme, themeDiagnostics) = Theme.load(from: options.layouts)
        let diagnostics = checked.diagnostics + themeDiagnostics.map(Pipeline.displayLayoutPath)
        guard let content = checked.content, let theme, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (PreviewPages(content: content, theme: theme, lastBuild: lastBuild), diagnostics)
    }

    /// The page at `path` (from the output root, `projects/x.html`), if the site has one there.
    func page(at path: String) -> Data? {
        guard let job = jobs[path] else { return nil }
        return site.theme.renderPage(job.template, job.context())
    }
}
