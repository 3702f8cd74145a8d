import Yams

/// Reads a text of `site.yaml` that may be translated: a plain string for every language, or a
/// map of language code to text. A map must give the default language's text and may name only
/// languages `languages` lists.
extension YAMLMap {
    func localized(_ key: String, required: Bool = false, languages: [String]) -> Localized<String>? {
        guard let node = mapping[Node(key)], node.mapping != nil else {
            return string(key, required: required).map { Localized($0.value) }
        }
        guard let texts = map(key) else { return nil }
        guard !languages.isEmpty else {
            log.error(at: texts.location, "\(context)'\(key)' is a map of languages, but site.yaml lists no 'languages': write one text, or list the languages")
            return nil
        }
        var byLanguage: [String: String] = [:]
        for (codeNode, _) in texts.mapping {
            let code = codeNode.string ?? ""
            guard languages.contains(code) else {
                texts.log.error(at: texts.location(of: codeNode), "\(context)'\(key)' has a text in '\(Printable.short(code))', a language 'languages' does not list",
                                suggestion: Suggestion.closest(to: code, in: languages))
                continue
            }
            if let text = texts.string(code, required: true) { byLanguage[code] = text.value }
        }
        guard let fallback = byLanguage[languages[0]] else {
            if byLanguage.count == texts.mapping.count {
                log.error(at: texts.location, "\(context)'\(key)' needs a text in '\(languages[0])', the default language: the other languages fall back to it")
            }
            return nil
        }
        return Localized(fallback: fallback, byLanguage: byLanguage)
    }
}
