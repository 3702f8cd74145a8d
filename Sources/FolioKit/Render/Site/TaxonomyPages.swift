/// One page per sector, country, call and stage, listing its projects.
extension SiteRenderer {
    func taxonomyPages() -> [PageJob] {
        var jobs: [PageJob] = []
        for sector in content.config.sectors {
            let id = sector.id.value
            jobs.append(taxonomyPage(path: SitePaths.sector(id), kind: "sector", id: id, name: sector.name,
                                     colour: sector.colour.value, projects: index.bySector[id] ?? []))
        }
        for code in index.countries {
            jobs.append(taxonomyPage(path: SitePaths.country(code), kind: "country", id: code, name: countryName(code),
                                     colour: nil, projects: index.byCountry[code] ?? []))
        }
        for call in index.calls {
            jobs.append(taxonomyPage(path: SitePaths.call(call.slug), kind: "call", id: call.slug, name: call.name,
                                     colour: nil, projects: call.projects))
        }
        for stage in Project.Stage.allCases {
            guard let projects = index.byStage[stage.rawValue] else { continue }
            jobs.append(taxonomyPage(path: SitePaths.stage(stage.rawValue), kind: "stage", id: stage.rawValue,
                                     name: stageName(stage.rawValue), colour: nil, projects: projects))
        }
        return jobs
    }

    private func taxonomyPage(path: String, kind: String, id: String, name: String, colour: String?, projects: [Project]) -> PageJob {
        PageJob(path: path, template: "taxonomy", size: projects.count) { [self] in
            let taxonomy: TemplateObject = [
                .kind: .text(kind), .kindName: .text(theme.string("kinds.\(kind)")), .id: .text(id), .name: .text(name),
                .count: .number(projects.count), .colour: .text(ifSet: colour), .textColour: .text(ifSet: colour.map(Contrast.textColour(on:))),
            ]
            return context(path: path, title: name, description: nil, [
                .taxonomy: .object(taxonomy),
                .projects: .list(projects.map { listedProjectCard($0, from: path, level: 2) }),
                .fundingText: .text(money(projects.reduce(0) { $0 + $1.fundingEUR.value })),
            ])
        }
    }
}
