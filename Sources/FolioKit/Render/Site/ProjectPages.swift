extension SiteRenderer {
    func projectPages() -> [PageJob] {
        let listPath = SitePaths.projects
        let list = PageJob(path: listPath, template: "projects", size: content.projects.count) { [self] in
            context(path: listPath, title: theme.string("titles.projects"), description: nil, [
                "projects": index.projects.map { listedProjectCard($0, from: listPath, level: 2) },
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
                values["bodyHTML"] = bodyHTML(project.body, source: project.source.path, page: path, firstImageEager: project.image == nil)
                values["website"] = project.website?.value
                values["tags"] = project.tags
                values["bookletHref"] = SitePaths.relative(SitePaths.bookletEdition, from: path) + "#" + project.slug
                values["partners"] = project.partners.map { partner -> [String: Any] in
                    var entry: [String: Any] = ["name": partner.name, "country": countryBadge(partner.country.value, from: path)]
                    entry["url"] = partner.url?.value
                    entry["role"] = partner.role
                    return entry
                }
                values["image"] = project.image.map { leadPicture($0, title: project.title, from: path) }
                var page: [String: Any] = ["project": values, "related": related(to: project).map { listedProjectCard($0, from: path, level: 3) }]
                if position > 0 { page["previous"] = ["title": projects[position - 1].title, "href": SitePaths.relative(SitePaths.project(projects[position - 1].slug), from: path)] }
                if position + 1 < projects.count { page["next"] = ["title": projects[position + 1].title, "href": SitePaths.relative(SitePaths.project(projects[position + 1].slug), from: path)] }
                return context(path: path, title: project.title, description: project.summary.value, ogType: "article",
                               imagePath: project.image.map { sharedImagePath($0.mediaPath) }, page)
            }
        }
    }

    /// Up to four projects sharing the most sectors with this one. Candidates are the projects
    /// that follow it in each of its sectors' lists, so the cost per page stays constant however
    /// large the programme grows.
    private func related(to project: Project) -> [Project] {
        var shared: [String: (project: Project, count: Int, rank: Int)] = [:]
        var rank = 0
        for sector in project.sectorIDs {
            let list = index.bySector[sector] ?? []
            guard let position = index.sectorPositions[sector]?[project.slug] else { continue }
            for step in 1...min(8, max(list.count - 1, 1)) where list.count > 1 {
                let other = list[(position + step) % list.count]
                guard other.slug != project.slug else { continue }
                rank += 1
                let entry = shared[other.slug] ?? (other, 0, rank)
                shared[other.slug] = (other, entry.count + Set(other.sectorIDs).intersection(project.sectorIDs).count, entry.rank)
            }
        }
        return shared.values.sorted { ($1.count, $0.rank) < ($0.count, $1.rank) }.prefix(4).map(\.project)
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
