extension SiteRenderer {
    func metricsPages() -> [PageJob] {
        let path = SitePaths.metrics
        return [PageJob(path: path, template: "metrics") { [self] in
            context(path: path, title: theme.string("titles.metrics"), description: nil, [
                "figures": content.metrics.figures.map(figureContext),
            ])
        }]
    }
}
