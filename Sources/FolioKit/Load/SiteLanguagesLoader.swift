/// Reads `languages` from `site.yaml`: a list of `{code, name}`, the first being the default,
/// which must be `language`. Codes are lowercase letters (`es`, `pt`), because each is also the
/// folder its language's pages are written in.
enum SiteLanguagesLoader {
    static func load(_ map: YAMLMap, defaultLanguage: Located<String>?) -> [SiteLanguage] {
        guard map.has("languages") else { return [] }
        var languages: [SiteLanguage] = []
        for item in map.mapList("languages", itemName: "language") ?? [] {
            item.rejectUnknownKeys(allowed: ["code", "name"])
            guard let code = item.string("code", required: true), let name = item.string("name", required: true) else { continue }
            if !isFolderCode(code.value) {
                map.log.error(at: code.location, "language code '\(Printable.short(code.value))' must be a language tag such as es, pt or pt-BR: its pages go in a folder of that name")
            } else if languages.contains(where: { $0.code.value == code.value }) {
                map.log.error(at: code.location, "language '\(code.value)' is listed twice")
            } else {
                languages.append(SiteLanguage(code: code, name: name.value))
            }
        }
        if let first = languages.first, let defaultLanguage, first.code.value != defaultLanguage.value {
            map.log.error(at: first.code.location, "the first of 'languages' is the default language and must be '\(defaultLanguage.value)', the site's 'language'")
            return []
        }
        if languages.isEmpty, map.has("languages") {
            map.log.error(at: map.valueLocation("languages"), "'languages' lists no language: list the default first, as {code: \(defaultLanguage?.value ?? "en"), name: English}")
        }
        return languages
    }

    /// A language code as a file name part and folder: `es`, `ast`, `pt-BR` (a BCP 47 tag whose
    /// language is in lowercase letters, short enough for a folder name).
    static func isFolderCode(_ code: String) -> Bool {
        let primary = code.prefix { $0 != "-" }
        return code.utf8.count <= 35 && SiteConfigRules.isLanguageTag(code) && primary.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }
}
