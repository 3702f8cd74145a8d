extension SiteRenderer {
    func projectPages() -> [PageJob] {
        let listPath = SitePaths.projects
        let list = PageJob(path: listPath, template: "projects") { [self] in
            context(path: listPath, title: theme.string("titles.projects"), description: nil, [
                "projects": index.projects.map { projectCard($0, from: listPath) },
                "projectCount": index.projects.count,
                "facets": projectFacets,
            ])
        }
        let projects = index.projects
        return [list] + projects.indices.map { position in
            let project = projects[position]
            let path = SitePaths.project(project.slug)
            return PageJob(path: path, template: "project") { [self] in
                var values = projectCard(project, from: path)
                values["bodyHTML"] = bodyHTML(project.body, source: project.source.path, page: path)
                values["website"] = project.website?.value
                values["tags"] = project.tags
                values["bookletHref"] = SitePaths.relative(SitePaths.bookletEdition, from: path) + "#" + project.slug
                values["partners"] = project.partners.map { partner -> [String: Any] in
                    var entry: [String: Any] = ["name": partner.name, "country": countryBadge(partner.country.value, from: path)]
                    entry["url"] = partner.url?.value
                    entry["role"] = partner.role
                    return entry
                }
                if let image = project.image?.value {
                    values["imageHref"] = SitePaths.relative(image, from: path)
                    values["imageAlt"] = project.title
                }
                var page: [String: Any] = ["project": values, "related": related(to: project).map { projectCard($0, from: path) }]
                if position > 0 { page["previous"] = ["title": projects[position - 1].title, "href": SitePaths.relative(SitePaths.project(projects[position - 1].slug), from: path)] }
                if position + 1 < projects.count { page["next"] = ["title": projects[position + 1].title, "href": SitePaths.relative(SitePaths.project(projects[position + 1].slug), from: path)] }
                return context(path: path, title: project.title, description: project.summary.value, ogType: "article",
                               imagePath: project.image?.value, page)
            }
        }
    }

    /// Projects sharing the most sectors with this one (then by title), four at most. Candidates
    /// come from the sector lists, so the cost grows with a sector's size, not with the square
    /// of the programme's.
    private func related(to project: Project) -> [Project] {
        var shared: [String: Int] = [:]
        for sector in Set(project.sectorIDs) {
            for other in index.bySector[sector] ?? [] where other.slug != project.slug { shared[other.slug, default: 0] += 1 }
        }
        let best = shared.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map(\.key)
        return index.projects.filter { best.contains($0.slug) }
            .sorted { (shared[$0.slug] ?? 0) > (shared[$1.slug] ?? 0) }
    }

    var projectFacets: [String: Any] {
        [
            "sectors": facet(content.config.sectors.map { ($0.id.value, $0.name, index.bySector[$0.id.value]?.count ?? 0) }),
            "countries": facet(index.countries.map { ($0, countryName($0), index.byCountry[$0]?.count ?? 0) }),
            "calls": facet(index.calls.map { ($0.slug, $0.name, $0.projects.count) }),
            "stages": facet(Project.Stage.allCases.compactMap { stage in
                index.byStage[stage.rawValue].map { (stage.rawValue, stageName(stage.rawValue), $0.count) }
            }),
        ]
    }
}
