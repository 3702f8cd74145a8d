/// The texts of `site.yaml` that may be translated, in every language given. `SiteConfig`'s plain
/// `title`, `tagline` and so on are these read in one language (`SiteConfig.reading(in:)`), so the
/// renderer of each language works from a config in its own words.
public struct SiteTexts: Sendable {
    public var title = Localized("")
    public var tagline: Localized<String>?
    public var fundingNotice = Localized("")
    /// In the order of `sectors`.
    public var sectorNames: [Localized<String>] = []
    /// In the order of `menu`.
    public var menuTitles: [Localized<String>] = []
    public var bookletTitle = Localized("")
    public var bookletSubtitle: Localized<String>?

    /// Every text with a name for messages, to count what a language has translated.
    var all: [Localized<String>] {
        [title, fundingNotice, bookletTitle] + [tagline, bookletSubtitle].compactMap { $0 } + sectorNames + menuTitles
    }
}

extension SiteConfig {
    /// Codes of `languages`, default first; just `language` for a site in one language.
    public var languageCodes: [String] {
        languages.isEmpty ? [language.value] : languages.map(\.code.value)
    }

    /// Whether the site lists more than its default language.
    public var isMultilingual: Bool { languages.count > 1 }

    /// The language's own name (`Español`), or its code when `languages` does not name it.
    public func languageName(_ code: String) -> String {
        languages.first { $0.code.value == code }?.name ?? code
    }

    /// This config with every translated text in `code`, falling back to the default language's.
    public func reading(in code: String) -> SiteConfig {
        var copy = self
        copy.title = texts.title.text(in: code)
        copy.tagline = texts.tagline?.text(in: code)
        copy.fundingNotice = texts.fundingNotice.text(in: code)
        for index in copy.sectors.indices where index < texts.sectorNames.count {
            copy.sectors[index].name = texts.sectorNames[index].text(in: code)
        }
        for index in copy.menu.indices where index < texts.menuTitles.count {
            copy.menu[index].title = texts.menuTitles[index].text(in: code)
        }
        copy.booklet.title = texts.bookletTitle.text(in: code)
        copy.booklet.subtitle = texts.bookletSubtitle?.text(in: code)
        return copy
    }
}
