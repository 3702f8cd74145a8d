/// The label–value rows both printed editions (EPUB and PDF) show: a project's metadata block
/// and the colophon. Labels come from `strings.yaml`.
extension SiteRenderer {
    func projectFacts(_ project: Project) -> [(label: String, value: String)] {
        var rows = [
            (theme.string("labels.sectors"), project.sectorIDs.map { content.config.sector($0)?.name ?? $0 }.joined(separator: ", ")),
            (theme.string("labels.countries"), project.countryCodes.map(countryName).joined(separator: ", ")),
            (theme.string("labels.call"), project.call),
        ]
        if let stage = project.stage { rows.append((theme.string("labels.stage"), stageName(stage.value))) }
        rows.append((theme.string("labels.funding"), money(project.fundingEUR.value)))
        rows.append((theme.string("labels.partners"), project.partners.map { partner in
            "\(partner.name), \(countryName(partner.country.value))" + (partner.role.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")))
        return rows
    }

    func colophonFacts() -> [(label: String, value: String)] {
        let booklet = content.config.booklet
        var rows = [(theme.string("booklet.bookTitle"), booklet.title + (booklet.subtitle.map { ". \($0)" } ?? ""))]
        if let publisher = booklet.publisher { rows.append((theme.string("booklet.publisher"), publisher)) }
        rows += [(theme.string("booklet.published"), theme.dateText(booklet.date.value)),
                 (theme.string("booklet.identifier"), booklet.identifier.value),
                 (theme.string("booklet.funding"), content.config.fundingNotice)]
        return rows
    }
}
