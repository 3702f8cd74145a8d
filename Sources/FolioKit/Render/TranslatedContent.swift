/// The content as one language reads it: the site.yaml texts in that language, and each project,
/// news item and page with its translation's words where there is one. Facts are the source's:
/// only titles, acronyms, summaries, places and bodies are replaced.
enum TranslatedContent {
    static func make(_ content: SiteContent, in code: String) -> (content: SiteContent, language: PageLanguage) {
        let config = content.config
        guard code != config.language.value else {
            return (content, PageLanguage(code: code, config: config, untranslated: []))
        }
        let translations = Dictionary(content.translations.filter { $0.language.value == code }.map { ($0.sourcePath, $0) },
                                      uniquingKeysWith: { first, _ in first })
        var untranslated = Set<String>()
        func words(for source: SourceFile) -> Translation? {
            let translation = translations[source.path]
            // Without a body of its own the page shows the source's: it is marked as such.
            if translation?.body == nil { untranslated.insert(source.path) }
            return translation
        }
        var localized = content
        localized.config = config.reading(in: code)
        localized.config.language = Located(code, at: config.language.location)
        localized.projects = content.projects.map { project in
            guard let words = words(for: project.source) else { return project }
            var copy = project
            copy.title = words.title ?? project.title
            copy.acronym = words.acronym ?? project.acronym
            copy.summary = words.summary ?? project.summary
            copy.body = words.body ?? project.body
            return copy
        }
        localized.news = content.news.map { item in
            guard let words = words(for: item.source) else { return item }
            var copy = item
            copy.title = words.title ?? item.title
            copy.summary = words.summary ?? item.summary
            if let place = words.place { copy.event?.place = place }
            copy.body = words.body ?? item.body
            return copy
        }
        localized.pages = content.pages.map { page in
            guard let words = words(for: page.source) else { return page }
            var copy = page
            copy.title = words.title ?? page.title
            copy.body = words.body ?? page.body
            return copy
        }
        return (localized, PageLanguage(code: code, config: config, untranslated: untranslated))
    }
}
