import Yams

/// Reads `site.yaml` into a `SiteConfig`.
enum SiteConfigLoader {
    static let keys = ["title", "tagline", "language", "base_url", "funding_notice", "sectors", "booklet", "menu"]
    static let bookletKeys = ["title", "subtitle", "publisher", "identifier", "date", "cover", "offer_archive", "paper", "pdf"]

    static func load(_ source: SourceFile, log: DiagnosticLog) -> SiteConfig? {
        guard let root = YAMLDocument.parse(source.text, file: source.path, firstLine: 1, log: log),
              let map = YAMLMap(root, file: source.path, lineOffset: 0, log: log, what: "site.yaml") else {
            if source.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                log.error(at: source.location(line: 1), "site.yaml is empty: it needs at least title, language, funding_notice, sectors and booklet")
            }
            return nil
        }
        map.rejectUnknownKeys(allowed: keys)
        let title = map.string("title", required: true)
        let language = map.string("language", required: true)
        let notice = map.string("funding_notice", required: true)

        var sectors: [SiteConfig.Sector] = []
        for (id, node) in map.entries("sectors", required: true) ?? [] {
            guard let sector = YAMLMap(node, file: source.path, lineOffset: 0, log: log, context: "sector '\(Printable.short(id.value))': ", what: "a sector") else { continue }
            sector.rejectUnknownKeys(allowed: ["name", "colour"])
            let name = sector.string("name", required: true)
            let colour = sector.string("colour", required: true)
            guard let name, let colour else { continue }
            sectors.append(.init(id: id, name: name.value, colour: colour))
        }

        var booklet: SiteConfig.Booklet?
        if let map = map.map("booklet", required: true) {
            map.rejectUnknownKeys(allowed: bookletKeys)
            let title = map.string("title", required: true)
            let identifier = map.string("identifier", required: true)
            let date = map.string("date", required: true)
            if let title, let identifier, let date {
                booklet = .init(title: title.value, subtitle: map.string("subtitle")?.value,
                                publisher: map.string("publisher")?.value, identifier: identifier,
                                date: date, cover: map.path("cover"),
                                offerArchive: map.boolean("offer_archive")?.value ?? false,
                                paper: map.string("paper"), pdf: map.string("pdf"))
            }
        }

        var menu: [SiteConfig.MenuItem] = []
        for item in map.mapList("menu", itemName: "menu item") ?? [] {
            item.rejectUnknownKeys(allowed: ["title", "link"])
            if let title = item.string("title", required: true), let link = item.string("link", required: true) {
                menu.append(.init(title: title.value, link: link))
            }
        }

        guard let title, let language, let notice, let booklet else { return nil }
        return SiteConfig(
            title: title.value, tagline: map.string("tagline")?.value, language: language,
            baseURL: map.string("base_url"), fundingNotice: notice.value,
            sectors: sectors, booklet: booklet, menu: menu
        )
    }
}
