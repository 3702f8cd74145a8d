/// The partners directory: every SME named as a partner, with its sectors and projects.
extension SiteRenderer {
    func partnerPages() -> [PageJob] {
        let path = SitePaths.partners
        return [PageJob(path: path, template: "partners", size: content.projects.count) { [self] in
            let partners: [TemplateValue] = index.partners.map { partner in
                .object([
                    .name: .text(partner.name),
                    .slugID: .text(partner.id),
                    .country: .object([.code: .text(partner.country), .name: .text(countryName(partner.country))]),
                    .sectors: .list(partner.sectorIDs.map { .object(sectorBadge($0, from: path)) }),
                    .projects: .list(partner.projects.map {
                        .object([.title: .text($0.title), .href: .text(SitePaths.relative(SitePaths.project($0.slug), from: path))])
                    }),
                    .dataSectors: .text(partner.sectorIDs.joined(separator: " ")),
                    .dataCountry: .text(partner.country),
                    .url: .text(ifSet: partner.url),
                ])
            }
            let countries = Dictionary(grouping: index.partners, by: \.country)
            return context(path: path, title: theme.string("titles.partners"), description: nil, [
                .partners: .list(partners),
                .partnerCount: .number(partners.count),
                .facets: .object([
                    .sectors: facet(content.config.sectors.map { sector in
                        (sector.id.value, sector.name, index.partners.filter { $0.sectorIDs.contains(sector.id.value) }.count)
                    }),
                    .countries: facet(countries.keys.sorted().map { ($0, countryName($0), countries[$0]?.count ?? 0) }),
                ]),
            ])
        }]
    }
}
