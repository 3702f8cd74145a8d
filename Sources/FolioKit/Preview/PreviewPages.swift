import Foundation

/// The site's pages rendered when asked for, from the content model in memory. After a save the
/// preview shows the new page once the content has loaded and validated, without waiting for the
/// whole build (every page written, the EPUB packed, every link checked), which runs behind it.
/// Each page is what the build writes for it: the same renderers (one per language), the same model.
struct PreviewPages: Sendable {
    /// Every language's pages, default first: a path two languages had would be the first's.
    private let languages: [LanguagePages]

    private init(content: SiteContent, theme: Theme, lastBuild: Pipeline.BuildReport?) {
        languages = content.config.languageCodes.map { LanguagePages(code: $0, content: content, theme: theme, lastBuild: lastBuild) }
    }

    /// Loads and validates content and layouts: the pages, or the problems that stop a build.
    /// `layouts`: the layouts as last compiled, reused while unchanged.
    static func load(_ options: Pipeline.BuildOptions, lastBuild: Pipeline.BuildReport?,
                     layouts: CompiledLayouts? = nil) -> (pages: PreviewPages?, diagnostics: [Diagnostic]) {
        let checked = Pipeline.check(contentFolder: options.content, reusing: options.loadCache)
        let languages = checked.content?.config.languageCodes ?? []
        let (theme, themeDiagnostics) = layouts?.load(from: options.layouts, languages: languages)
            ?? Theme.load(from: options.layouts, languages: languages)
        let diagnostics = checked.diagnostics + themeDiagnostics.map(Pipeline.displayLayoutPath)
        guard let content = checked.content, let theme, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (PreviewPages(content: content, theme: theme, lastBuild: lastBuild), diagnostics)
    }

    /// Compiles the layouts for the languages site.yaml lists, so that the first save finds them
    /// compiled (with five languages that takes 80 ms); the content is not loaded for it.
    static func compile(_ layouts: CompiledLayouts, for options: Pipeline.BuildOptions) {
        // Read only as a load would: a plain file (or a link that `FileTree` allows).
        let log = DiagnosticLog()
        let file = FileTree.entries(of: options.content, within: options.content).first { $0.name == "site.yaml" && $0.kind == .file }
        let config = file.flatMap { TextFile.read($0.url, path: "site.yaml", log: log) }.flatMap { SiteConfigLoader.load($0, log: log) }
        _ = layouts.load(from: options.layouts, languages: config?.languageCodes ?? [])
    }

    /// The page at `path` (from the output root, `projects/x.html` or `es/projects/x.html`), if
    /// the site has one there. Only the languages whose folder holds the path are made.
    func page(at path: String) -> Data? {
        for language in languages where path.hasPrefix(language.folder) {
            if let (site, job) = language.job(at: path) { return site.theme.renderPage(job.template, job.context()) }
        }
        return nil
    }

    /// Makes the default language's pages now, the ones an editor most likely looks at.
    func prepare() {
        languages.first?.prepare()
    }
}
