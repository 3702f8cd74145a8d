/// A translation must have its source beside it and be in a language `site.yaml` lists (not the
/// default, whose text is the source itself); its links are checked like any other body's.
enum TranslationRules {
    static func check(_ content: SiteContent, targets: LinkTargets) -> [Diagnostic] {
        let config = content.config
        let others = Array(config.languageCodes.dropFirst())
        let sources = content.markdownPaths.union(content.projects.map(\.source.path) + content.news.map(\.source.path) + content.pages.map(\.source.path))
        var diagnostics: [Diagnostic] = []
        let linkedSections = sectionsLinked(in: content)
        let bodies = Dictionary(content.projects.map { ($0.source.path, $0.body) } + content.news.map { ($0.source.path, $0.body) }
                                + content.pages.map { ($0.source.path, $0.body) }, uniquingKeysWith: { first, _ in first })
        for translation in content.translations {
            let code = translation.language
            if code.value == config.language.value {
                diagnostics.append(.error(at: code.location, "'\(code.value)' is the default language: its text is \(translation.sourcePath) itself, so this file is not needed"))
            } else if !others.contains(code.value) {
                let listed = others.isEmpty ? "site.yaml lists no other 'languages'" : "site.yaml's 'languages' lists \(others.joined(separator: ", "))"
                diagnostics.append(.error(at: code.location, "a translation into '\(code.value)', a language \(listed)",
                                          suggestion: Suggestion.closest(to: code.value, in: others).map { "\(translation.slug).\($0).md" }))
            }
            if !sources.contains(translation.sourcePath) {
                let section = sources.filter { $0.hasPrefix(translation.section.rawValue + "/") }
                diagnostics.append(.error(at: code.location, "a translation of \(translation.sourcePath), which does not exist: a translation sits beside its source file",
                                          suggestion: Suggestion.closest(to: translation.sourcePath, in: section)))
            }
            if let body = translation.body {
                diagnostics += LinkRules.check(body, in: translation.source.path, targets: targets)
                if let source = bodies[translation.sourcePath], linkedSections.contains(translation.sourcePath),
                   body.headings.map(\.level) != source.headings.map(\.level) {
                    let levels = { (doc: MarkdownDocument) in doc.headings.map { String(repeating: "#", count: $0.level) }.joined(separator: " ") }
                    diagnostics.append(.error(at: code.location, "the headings (\(levels(body))) do not follow \(translation.sourcePath)'s (\(levels(source))): other files link to its sections, so the translation needs one heading for each, in the same order and levels"))
                }
            }
        }
        return diagnostics
    }

    /// Source files some body or the menu links to a section of (`agri-sat.md#results`).
    private static func sectionsLinked(in content: SiteContent) -> Set<String> {
        var linked = Set<String>()
        let bodies = content.projects.map { ($0.source.path, $0.body) } + content.news.map { ($0.source.path, $0.body) }
            + content.pages.map { ($0.source.path, $0.body) } + content.translations.compactMap { t in t.body.map { (t.source.path, $0) } }
        for (source, body) in bodies {
            for reference in body.references {
                if case .content(let path, let anchor) = ContentLink.resolve(reference.destination, from: source), anchor != nil { linked.insert(path) }
            }
        }
        for item in content.config.menu {
            if case .content(let path, let anchor) = ContentLink.resolve(item.link.value, from: "site.yaml"), anchor != nil { linked.insert(path) }
        }
        return linked
    }
}
