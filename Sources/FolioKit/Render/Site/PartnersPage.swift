/// The partners directory: every SME named as a partner, with its sectors and projects.
extension SiteRenderer {
    func partnerPages() -> [PageJob] {
        let path = SitePaths.partners
        return [PageJob(path: path, template: "partners", size: content.projects.count) { [self] in
            let partners: [[String: Any]] = index.partners.map { partner in
                var entry: [String: Any] = [
                    "name": partner.name,
                    "slugID": partner.id,
                    "country": ["code": partner.country, "name": countryName(partner.country)],
                    "sectors": partner.sectorIDs.map { sectorBadge($0, from: path) },
                    "projects": partner.projects.map { ["title": $0.title, "href": SitePaths.relative(SitePaths.project($0.slug), from: path)] },
                    "dataSectors": partner.sectorIDs.joined(separator: " "),
                    "dataCountry": partner.country,
                ]
                entry["url"] = partner.url
                return entry
            }
            let countries = Dictionary(grouping: index.partners, by: \.country)
            return context(path: path, title: theme.string("titles.partners"), description: nil, [
                "partners": partners,
                "partnerCount": partners.count,
                "facets": [
                    "sectors": facet(content.config.sectors.map { sector in
                        (sector.id.value, sector.name, index.partners.filter { $0.sectorIDs.contains(sector.id.value) }.count)
                    }),
                    "countries": facet(countries.keys.sorted().map { ($0, countryName($0), countries[$0]?.count ?? 0) }),
                ],
            ])
        }]
    }
}
