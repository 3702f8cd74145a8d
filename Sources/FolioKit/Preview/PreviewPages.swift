import Foundation

/// The site's pages rendered when asked for, from the content model in memory. After a save the
/// preview shows the new page once the content has loaded and validated, without waiting for the
/// whole build (every page written, the EPUB packed, every link checked), which runs behind it.
/// Each page is what the build writes for it: the same renderers (one per language), the same model.
struct PreviewPages: Sendable {
    /// Every language's pages by their path from the output root: the language's folder and the
    /// page's path within it (`projects/x.html`, `es/projects/x.html`).
    private let jobs: [String: (site: SiteRenderer, job: SiteRenderer.PageJob)]

    private init(content: SiteContent, theme: Theme, lastBuild: Pipeline.BuildReport?) {
        var jobs: [String: (site: SiteRenderer, job: SiteRenderer.PageJob)] = [:]
        for code in content.config.languageCodes {
            let (words, language) = TranslatedContent.make(content, in: code)
            let site = SiteRenderer(content: words, theme: theme.speaking(language.code), language: language,
                                    images: lastBuild?.images ?? .none)
            // Pictures, and the EPUB's and PDF's sizes on the home and booklet pages, are the last
            // build's until the next build has made them.
            let made = lastBuild?.booklets[language.code]
            site.epubSize.value = made?.epubBytes
            site.pdfFacts.value = made?.pdf
            for job in site.pageJobs() where jobs[language.folder + job.path] == nil {
                jobs[language.folder + job.path] = (site, job)
            }
        }
        self.jobs = jobs
    }

    /// Loads and validates content and layouts: the pages, or the problems that stop a build.
    static func load(_ options: Pipeline.BuildOptions, lastBuild: Pipeline.BuildReport?) -> (pages: PreviewPages?, diagnostics: [Diagnostic]) {
        let checked = Pipeline.check(contentFolder: options.content, reusing: options.loadCache)
        let (theme, themeDiagnostics) = Theme.load(from: options.layouts, languages: checked.content?.config.languageCodes ?? [])
        let diagnostics = checked.diagnostics + themeDiagnostics.map(Pipeline.displayLayoutPath)
        guard let content = checked.content, let theme, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (PreviewPages(content: content, theme: theme, lastBuild: lastBuild), diagnostics)
    }

    /// The page at `path` (from the output root, `projects/x.html` or `es/projects/x.html`), if
    /// the site has one there.
    func page(at path: String) -> Data? {
        guard let (site, job) = jobs[path] else { return nil }
        return site.theme.renderPage(job.template, job.context())
    }
}
