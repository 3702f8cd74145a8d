import Foundation

/// The small repeated pieces of pages (docs/layouts.md, "Values per template"): project and
/// news cards, badges, figures. Hrefs are relative to the page the piece appears on.
extension SiteRenderer {
    func sectorBadge(_ id: String, from page: String) -> TemplateObject {
        let sector = content.config.sector(id)
        let colour = sector?.colour.value ?? "#444444"
        return [.id: .text(id), .name: .text(sector?.name ?? id), .colour: .text(colour), .textColour: .text(Contrast.textColour(on: colour)),
                .href: .text(SitePaths.relative(SitePaths.sector(id), from: page))]
    }

    func countryName(_ code: String) -> String {
        let name = theme.string("countries.\(code)")
        return name == "countries.\(code)" ? code : name
    }

    func countryBadge(_ code: String, from page: String) -> TemplateObject {
        [.code: .text(code), .name: .text(countryName(code)), .href: .text(SitePaths.relative(SitePaths.country(code), from: page))]
    }

    func stageName(_ id: String) -> String { theme.string("stages.\(id)") }

    /// An amount as `formats.money` writes it (`EUR {amount}`), grouped with `formats.thousandsSeparator`.
    func money(_ value: Double) -> String {
        theme.string("formats.money").replacingOccurrences(of: "{amount}", with: number(value))
    }

    /// A number with the language's separators (`1.500.000`, `4,4` in Spanish).
    func number(_ value: Double) -> String {
        NumberText.grouped(value, separator: theme.string("formats.thousandsSeparator"),
                           decimalSeparator: theme.optionalString("formats.decimalSeparator") ?? ".")
    }

    func projectCard(_ project: Project, from page: String) -> TemplateObject {
        cards.values(slug: project.slug, depth: SitePaths.depth(of: page)) { makeProjectCard(project, from: page) }
    }

    private func makeProjectCard(_ project: Project, from page: String) -> TemplateObject {
        var card: TemplateObject = [
            .slug: .text(project.slug),
            .title: .text(project.title),
            .summary: .text(project.summary.value),
            .href: .text(SitePaths.relative(SitePaths.project(project.slug), from: page)),
            .sectors: .list(project.sectorIDs.map { .object(sectorBadge($0, from: page)) }),
            .countries: .list(project.countryCodes.map { .object(countryBadge($0, from: page)) }),
            .fundingText: .text(money(project.fundingEUR.value)),
            .dataSectors: .text(project.sectorIDs.joined(separator: " ")),
            .dataCountries: .text(project.countryCodes.joined(separator: " ")),
            .dataStage: .text(project.stage?.value ?? ""),
            .acronym: .text(ifSet: project.acronym),
            .translation: fallbackLanguage(of: project.source.path),
        ]
        card[.image] = project.image.map { .object(cardPicture($0, title: project.title, from: page)) }
        if let call = index.call(named: project.call) {
            card[.call] = .object([.name: .text(call.name), .href: .text(SitePaths.relative(SitePaths.call(call.slug), from: page))])
            card[.dataCall] = .text(call.slug)
        }
        if let stage = project.stage?.value {
            card[.stage] = .object([.id: .text(stage), .name: .text(stageName(stage)), .href: .text(SitePaths.relative(SitePaths.stage(stage), from: page))])
        }
        return card
    }

    /// A project card in a list: the card values plus `html`, the `project-card` template
    /// rendered at this heading level, made once for all pages of the same depth.
    func listedProjectCard(_ project: Project, from page: String, level: Int) -> TemplateValue {
        let listed = cards.card(slug: project.slug, depth: SitePaths.depth(of: page), level: level) {
            var card = projectCard(project, from: page)
            card[.level] = .number(level)
            var values = card
            values[.root] = .text(language.up + SitePaths.root(from: page))
            let fragment = theme.renderFragment("project-card", values)
            card[.html] = .text(fragment.html)
            return ListedCard(values: .object(card), fragment: fragment)
        }
        _ = FragmentLog.note(listed.fragment)
        return listed.values
    }

    func newsCard(_ item: NewsItem, from page: String) -> TemplateObject {
        var card: TemplateObject = [
            .title: .text(item.title),
            .summary: .text(item.summary.value),
            .href: .text(SitePaths.relative(SitePaths.newsItem(item.slug), from: page)),
            .dateISO: .text(item.date.value),
            .dateText: .text(theme.dateText(item.date.value)),
            .isEvent: .flag(item.event != nil),
            .translation: fallbackLanguage(of: item.source.path),
        ]
        card[.image] = item.image.map { .object(cardPicture($0, title: item.title, from: page)) }
        if let event = item.event {
            var values: TemplateObject = [.startISO: .text(event.start.value), .startText: .text(theme.dateText(event.start.value)),
                                          .place: .text(event.place)]
            if let end = event.end, end.value != event.start.value {
                values[.endISO] = .text(end.value)
                values[.endText] = .text(theme.dateText(end.value))
            }
            card[.event] = .object(values)
        }
        return card
    }

    /// `{lang}` when the item's words are the default language's, so that its card and page mark
    /// them; false otherwise, so that a card never takes the `lang` of the page around it.
    func fallbackLanguage(of source: String) -> TemplateValue {
        language.untranslated.contains(source) ? .object([.lang: .text(language.defaultCode)]) : .flag(false)
    }

    func figureContext(_ figure: Metrics.Figure) -> TemplateValue {
        .object([.id: .text(figure.id.value), .label: .text(figure.label), .unit: .text(figure.unit.rawValue),
                 .valueText: .text(valueText(figure.value, unit: figure.unit)),
                 .year: .text(ifSet: figure.year.map(String.init)), .note: .text(ifSet: figure.note)])
    }

    /// Facet options for the client-side filters: `{id, name, count}`.
    func facet(_ groups: [(id: String, name: String, count: Int)]) -> TemplateValue {
        .list(groups.map { .object([.id: .text($0.id), .name: .text($0.name), .count: .number($0.count)]) })
    }
}
