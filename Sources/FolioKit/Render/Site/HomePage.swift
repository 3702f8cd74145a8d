extension SiteRenderer {
    func homePages() -> [PageJob] {
        let path = SitePaths.home
        return [PageJob(path: path, template: "home", showsEPUBSize: true) { [self] in
            var values: TemplateObject = [
                .figures: .list(content.metrics.figures.map(figureContext)),
                .latestNews: .list(content.news.prefix(3).map { .object(newsCard($0, from: path)) }),
                .sectors: .list(content.config.sectors.map { sector in
                    var badge = sectorBadge(sector.id.value, from: path)
                    badge[.count] = .number(index.bySector[sector.id.value]?.count ?? 0)
                    return .object(badge)
                }),
                .featuredProjects: .list(featured.map { listedProjectCard($0, from: path, level: 3) }),
                .projectCount: .number(content.projects.count),
            ]
            if let intro = content.pages.first(where: { $0.slug == "home" }) {
                values[.introHTML] = .text(bodyHTML(intro.body, source: intro.source.path, page: path, firstImageEager: true))
            }
            let intro = content.pages.first { $0.slug == "home" }?.source.path
            return context(path: path, title: content.config.title, description: content.config.tagline, source: intro, values)
        }]
    }

    /// Projects at the market stage first (the programme's results), then the rest, six at most.
    private var featured: [Project] {
        let market = index.projects.filter { $0.stage?.value == Project.Stage.market.rawValue }
        let others = index.projects.filter { $0.stage?.value != Project.Stage.market.rawValue }
        return Array((market + others).prefix(6))
    }
}
