import Foundation

/// The small repeated pieces of pages (docs/layouts.md, "Values per template"): project and
/// news cards, badges, figures. Hrefs are relative to the page the piece appears on.
extension SiteRenderer {
    func sectorBadge(_ id: String, from page: String) -> [String: Any] {
        let sector = content.config.sector(id)
        let colour = sector?.colour.value ?? "#444444"
        return ["id": id, "name": sector?.name ?? id, "colour": colour, "textColour": Contrast.textColour(on: colour),
                "href": SitePaths.relative(SitePaths.sector(id), from: page)]
    }

    func countryName(_ code: String) -> String {
        let name = theme.string("countries.\(code)")
        return name == "countries.\(code)" ? code : name
    }

    func countryBadge(_ code: String, from page: String) -> [String: Any] {
        ["code": code, "name": countryName(code), "href": SitePaths.relative(SitePaths.country(code), from: page)]
    }

    func stageName(_ id: String) -> String { theme.string("stages.\(id)") }

    /// An amount as `formats.money` writes it (`EUR {amount}`), grouped with `formats.thousandsSeparator`.
    func money(_ value: Double) -> String {
        theme.string("formats.money").replacingOccurrences(
            of: "{amount}", with: NumberText.format(value, unit: .count, groupSeparator: theme.string("formats.thousandsSeparator")))
    }

    func projectCard(_ project: Project, from page: String) -> [String: Any] {
        cards.values(slug: project.slug, depth: SitePaths.depth(of: page)) { makeProjectCard(project, from: page) }
    }

    private func makeProjectCard(_ project: Project, from page: String) -> [String: Any] {
        var card: [String: Any] = [
            "slug": project.slug,
            "title": project.title,
            "summary": project.summary.value,
            "href": SitePaths.relative(SitePaths.project(project.slug), from: page),
            "sectors": project.sectorIDs.map { sectorBadge($0, from: page) },
            "countries": project.countryCodes.map { countryBadge($0, from: page) },
            "fundingText": money(project.fundingEUR.value),
            "dataSectors": project.sectorIDs.joined(separator: " "),
            "dataCountries": project.countryCodes.joined(separator: " "),
            "dataStage": project.stage?.value ?? "",
        ]
        card["acronym"] = project.acronym
        card["image"] = project.image.map { cardPicture($0, title: project.title, from: page) }
        if let call = index.call(named: project.call) {
            card["call"] = ["name": call.name, "href": SitePaths.relative(SitePaths.call(call.slug), from: page)]
            card["dataCall"] = call.slug
        }
        if let stage = project.stage?.value {
            card["stage"] = ["id": stage, "name": stageName(stage), "href": SitePaths.relative(SitePaths.stage(stage), from: page)]
        }
        return card
    }

    /// A project card in a list: the card values plus `html`, the `project-card` template
    /// rendered at this heading level, made once for all pages of the same depth.
    func listedProjectCard(_ project: Project, from page: String, level: Int) -> [String: Any] {
        let listed = cards.card(slug: project.slug, depth: SitePaths.depth(of: page), level: level) {
            var card = projectCard(project, from: page)
            card["level"] = level
            var values = card
            values["strings"] = theme.strings
            values["root"] = SitePaths.root(from: page)
            // The template's own line break ends the line `{{{html}}}` stands on.
            var html = theme.render("project-card", values)
            if html.hasSuffix("\n") { html.removeLast() }
            card["html"] = html
            return ListedCard(values: card, fragment: PageFragment(html: html))
        }
        _ = FragmentLog.note(listed.fragment)
        return listed.values
    }

    func newsCard(_ item: NewsItem, from page: String) -> [String: Any] {
        var card: [String: Any] = [
            "title": item.title,
            "summary": item.summary.value,
            "href": SitePaths.relative(SitePaths.newsItem(item.slug), from: page),
            "dateISO": item.date.value,
            "dateText": theme.dateText(item.date.value),
            "isEvent": item.event != nil,
        ]
        card["image"] = item.image.map { cardPicture($0, title: item.title, from: page) }
        if let event = item.event {
            var values: [String: Any] = ["startISO": event.start.value, "startText": theme.dateText(event.start.value), "place": event.place]
            if let end = event.end, end.value != event.start.value {
                values["endISO"] = end.value
                values["endText"] = theme.dateText(end.value)
            }
            card["event"] = values
        }
        return card
    }

    func figureContext(_ figure: Metrics.Figure) -> [String: Any] {
        var values: [String: Any] = ["id": figure.id.value, "label": figure.label, "unit": figure.unit.rawValue,
                                     "valueText": valueText(figure.value, unit: figure.unit)]
        values["year"] = figure.year.map(String.init)
        values["note"] = figure.note
        return values
    }

    /// Facet options for the client-side filters: `{id, name, count}`.
    func facet(_ groups: [(id: String, name: String, count: Int)]) -> [[String: Any]] {
        groups.map { ["id": $0.id, "name": $0.name, "count": $0.count] }
    }
}
