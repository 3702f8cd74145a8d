extension SiteRenderer {
    func projectPages() -> [PageJob] {
        let listPath = SitePaths.projects
        let list = PageJob(path: listPath, template: "projects", size: content.projects.count) { [self] in
            context(path: listPath, title: theme.string("titles.projects"), description: nil, [
                .projects: .list(index.projects.map { listedProjectCard($0, from: listPath, level: 2) }),
                .projectCount: .number(index.projects.count),
                .facets: .object(projectFacets),
            ])
        }
        let projects = index.projects
        return [list] + projects.indices.map { position in
            let project = projects[position]
            let path = SitePaths.project(project.slug)
            return PageJob(path: path, template: "project") { [self] in
                var values = projectCard(project, from: path)
                values[.bodyHTML] = .text(bodyHTML(project.body, source: project.source.path, page: path, firstImageEager: project.image == nil))
                values[.website] = .text(ifSet: project.website?.value)
                values[.tags] = .list(project.tags.map(TemplateValue.text))
                values[.bookletHref] = .text(SitePaths.relative(SitePaths.bookletEdition, from: path) + "#" + project.slug)
                values[.partners] = .list(project.partners.map { partner in
                    .object([.name: .text(partner.name), .country: .object(countryBadge(partner.country.value, from: path)),
                             .url: .text(ifSet: partner.url?.value), .role: .text(ifSet: partner.role)])
                })
                values[.image] = project.image.map { .object(leadPicture($0, title: project.title, from: path)) }
                var page: TemplateObject = [.project: .object(values),
                                            .related: .list(related(to: project).map { listedProjectCard($0, from: path, level: 3) })]
                if position > 0 { page[.previous] = neighbour(projects[position - 1], from: path) }
                if position + 1 < projects.count { page[.next] = neighbour(projects[position + 1], from: path) }
                return context(path: path, title: project.title, description: project.summary.value, ogType: "article",
                               imagePath: project.image.map { sharedImagePath($0.mediaPath) }, source: project.source.path, page)
            }
        }
    }

    /// Up to four projects sharing the most sectors with this one. Candidates are the projects
    /// that follow it in each of its sectors' lists, so the cost per page stays constant however
    /// large the programme grows.
    private func related(to project: Project) -> [Project] {
        // Candidates are kept by where they stand in their sector's list: a project (every one
        // of its fields) is copied only once it is chosen.
        var shared: [String: (sector: String, position: Int, count: Int, rank: Int)] = [:]
        var rank = 0
        let sectors = Set(project.sectorIDs)
        for sector in project.sectorIDs {
            guard let list = index.bySector[sector], let position = index.sectorPositions[sector]?[project.slug] else { continue }
            for step in 1...min(8, max(list.count - 1, 1)) where list.count > 1 {
                let otherPosition = (position + step) % list.count
                let slug = list[otherPosition].slug
                guard slug != project.slug else { continue }
                rank += 1
                let entry = shared[slug] ?? (sector, otherPosition, 0, rank)
                shared[slug] = (entry.sector, entry.position, entry.count + Set(list[otherPosition].sectorIDs).intersection(sectors).count, entry.rank)
            }
        }
        return shared.values.sorted { ($1.count, $0.rank) < ($0.count, $1.rank) }.prefix(4).map { index.bySector[$0.sector]![$0.position] }
    }

    /// `{title, href}` of the project before or after, for the pager.
    private func neighbour(_ project: Project, from path: String) -> TemplateValue {
        .object([.title: .text(project.title), .href: .text(SitePaths.relative(SitePaths.project(project.slug), from: path))])
    }

    var projectFacets: TemplateObject {
        [
            .sectors: facet(content.config.sectors.map { ($0.id.value, $0.name, index.bySector[$0.id.value]?.count ?? 0) }),
            .countries: facet(index.countries.map { ($0, countryName($0), index.byCountry[$0]?.count ?? 0) }),
            .calls: facet(index.calls.map { ($0.slug, $0.name, $0.projects.count) }),
            .stages: facet(Project.Stage.allCases.compactMap { stage in
                index.byStage[stage.rawValue].map { (stage.rawValue, stageName(stage.rawValue), $0.count) }
            }),
        ]
    }
}
