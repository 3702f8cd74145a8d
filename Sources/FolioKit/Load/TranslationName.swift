/// The name of a translation file: `<source slug>.<code>.md` in projects/, news/ or pages/.
struct TranslationName: Sendable {
    var section: Translation.Section
    var slug: String
    var code: String

    init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let section = Translation.Section(rawValue: String(parts[0])), parts[1].hasSuffix(".md") else { return nil }
        let name = parts[1].dropLast(3)
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let slug = String(name[..<dot]), code = String(name[name.index(after: dot)...])
        guard SiteLanguagesLoader.isFolderCode(code), Slug.problem(with: slug, section: section.rawValue) == nil else { return nil }
        self.section = section
        self.slug = slug
        self.code = code
    }
}
