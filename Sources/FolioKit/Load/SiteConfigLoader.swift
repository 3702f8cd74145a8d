import Yams

/// Reads `site.yaml` into a `SiteConfig`.
enum SiteConfigLoader {
    static let keys = ["title", "tagline", "language", "base_url", "funding_notice", "sectors", "booklet", "menu", "languages"]
    static let bookletKeys = ["title", "subtitle", "publisher", "identifier", "date", "cover", "offer_archive", "paper", "pdf"]

    static func load(_ source: SourceFile, log: DiagnosticLog) -> SiteConfig? {
        guard let root = YAMLDocument.parse(source.text, file: source.path, firstLine: 1, log: log),
              let map = YAMLMap(root, file: source.path, lineOffset: 0, log: log, what: "site.yaml") else {
            if YAMLDocument.isEmpty(source.text) {
                log.error(at: source.location(line: 1), "site.yaml is empty: it needs at least title, language, funding_notice, sectors and booklet")
            }
            return nil
        }
        map.rejectUnknownKeys(allowed: keys)
        let language = map.string("language", required: true)
        let languages = SiteLanguagesLoader.load(map, defaultLanguage: language)
        let codes = languages.map(\.code.value)
        let title = map.localized("title", required: true, languages: codes)
        let tagline = map.localized("tagline", languages: codes)
        let notice = map.localized("funding_notice", required: true, languages: codes)

        var sectors: [SiteConfig.Sector] = []
        var sectorNames: [Localized<String>] = []
        for (id, node) in map.entries("sectors", required: true) ?? [] {
            guard let sector = YAMLMap(node, file: source.path, lineOffset: 0, log: log, context: "sector '\(Printable.short(id.value))': ", what: "a sector") else { continue }
            sector.rejectUnknownKeys(allowed: ["name", "colour"])
            let name = sector.localized("name", required: true, languages: codes)
            let colour = sector.string("colour", required: true)
            guard let name, let colour else { continue }
            sectors.append(.init(id: id, name: name.fallback, colour: colour))
            sectorNames.append(name)
        }

        var booklet: SiteConfig.Booklet?
        var bookletTitle: Localized<String>?
        var bookletSubtitle: Localized<String>?
        if let map = map.map("booklet", required: true) {
            map.rejectUnknownKeys(allowed: bookletKeys)
            bookletTitle = map.localized("title", required: true, languages: codes)
            bookletSubtitle = map.localized("subtitle", languages: codes)
            let identifier = map.string("identifier", required: true)
            let date = map.string("date", required: true)
            if let title = bookletTitle, let identifier, let date {
                booklet = .init(title: title.fallback, subtitle: bookletSubtitle?.fallback,
                                publisher: map.string("publisher")?.value, identifier: identifier,
                                date: date, cover: map.path("cover"),
                                offerArchive: map.boolean("offer_archive")?.value ?? false,
                                paper: map.string("paper"), pdf: map.string("pdf"))
            }
        }

        var menu: [SiteConfig.MenuItem] = []
        var menuTitles: [Localized<String>] = []
        for item in map.mapList("menu", itemName: "menu item") ?? [] {
            item.rejectUnknownKeys(allowed: ["title", "link"])
            if let title = item.localized("title", required: true, languages: codes), let link = item.string("link", required: true) {
                menu.append(.init(title: title.fallback, link: link))
                menuTitles.append(title)
            }
        }

        guard let title, let language, let notice, let booklet, let bookletTitle else { return nil }
        var config = SiteConfig(
            title: title.fallback, tagline: tagline?.fallback, language: language,
            baseURL: map.string("base_url"), fundingNotice: notice.fallback,
            sectors: sectors, booklet: booklet, menu: menu
        )
        config.languages = languages
        config.texts = SiteTexts(title: title, tagline: tagline, fundingNotice: notice, sectorNames: sectorNames,
                                 menuTitles: menuTitles, bookletTitle: bookletTitle, bookletSubtitle: bookletSubtitle)
        return config
    }
}
