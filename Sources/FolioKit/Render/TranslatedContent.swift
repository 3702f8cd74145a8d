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
            copy.body = words.body.map { sameAnchors($0, as: project.body) } ?? project.body
            return copy
        }
        localized.news = content.news.map { item in
            guard let words = words(for: item.source) else { return item }
            var copy = item
            copy.title = words.title ?? item.title
            copy.summary = words.summary ?? item.summary
            if let place = words.place { copy.event?.place = place }
            copy.body = words.body.map { sameAnchors($0, as: item.body) } ?? item.body
            return copy
        }
        localized.pages = content.pages.map { page in
            guard let words = words(for: page.source) else { return page }
            var copy = page
            copy.title = words.title ?? page.title
            copy.body = words.body.map { sameAnchors($0, as: page.body) } ?? page.body
            return copy
        }
        return (localized, PageLanguage(code: code, config: config, untranslated: untranslated))
    }

    /// A translation's headings take the ids of the source's, in order, so that a link to a
    /// section (`agri-sat.md#results`) lands on it in every language. `TranslationRules` makes
    /// sure the headings match wherever another file links to one.
    static func sameAnchors(_ translated: MarkdownDocument, as source: MarkdownDocument) -> MarkdownDocument {
        guard translated.headings.map(\.level) == source.headings.map(\.level) else { return translated }
        var copy = translated
        for index in copy.headings.indices { copy.headings[index].id = source.headings[index].id }
        return copy
    }
}
