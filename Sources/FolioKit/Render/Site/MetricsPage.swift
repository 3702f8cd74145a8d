/// The metrics page: the editors' figures and charts, then the charts Folio derives from the
/// projects, each drawn as SVG with its data as a table.
extension SiteRenderer {
    func metricsPages() -> [PageJob] {
        let path = SitePaths.metrics
        return [PageJob(path: path, template: "metrics") { [self] in
            let derived = DerivedMetrics(content)
            return context(path: path, title: theme.string("titles.metrics"), description: nil, [
                .figures: .list(content.metrics.figures.map(figureContext)),
                .charts: .list(content.metrics.charts.map { chartContext(ChartSeries($0), labelHeading: nil) }),
                .derivedCharts: .list(derivedSeries(derived).map { chartContext($0.series, labelHeading: $0.labelHeading) }),
                .matrix: .object([
                    .sectors: .list(content.config.sectors.map { .object([.id: .text($0.id.value), .name: .text($0.name)]) }),
                    .rows: .list(content.config.sectors.indices.map { row in
                        .object([.name: .text(content.config.sectors[row].name),
                                 .cells: .list(derived.sectorMatrix[row].map { .object([.count: .number($0)]) })])
                    }),
                ]),
                .crossSectoralShareText: .text(percent(derived.crossSectoralShare * 100)),
            ])
        }]
    }

    func percent(_ value: Double) -> String {
        theme.string("formats.percent").replacingOccurrences(of: "{value}", with: number(value))
    }

    func valueText(_ value: Double, unit: Metrics.Unit) -> String {
        switch unit {
        case .eur: money(value)
        case .percent: percent(value)
        case .count: number(value)
        }
    }

    /// `{id, title, svg, table}` for the `chart` partial.
    func chartContext(_ series: ChartSeries, labelHeading: String?) -> TemplateValue {
        let format = { (value: Double) in valueText(value, unit: series.unit) }
        let table: TemplateObject = [
            .caption: .text(series.title),
            .valueHeading: .text(series.valueHeading ?? theme.string("metrics.valueHeading." + series.unit.rawValue.lowercased())),
            .rows: .list(series.points.map { .object([.label: .text($0.label), .valueText: .text(format($0.value))]) }),
            .labelHeading: .text(ifSet: labelHeading),
        ]
        // A fragment of the page, so that the rest of its links stay known from its templates; the
        // chart's own, a few lines of SVG, are read with libxml2.
        let svg = FragmentLog.note(PageFragment(html: ChartSVG.render(series, valueText: format)))
        return .object([.id: .text(series.id), .title: .text(series.title), .svg: .text(svg),
                        .table: .object(table)])
    }

    func derivedSeries(_ derived: DerivedMetrics) -> [(series: ChartSeries, labelHeading: String)] {
        let sectors = content.config.sectors
        let projects = theme.string("charts.projects")
        func point(_ label: String, _ value: Double, _ colour: String? = nil) -> ChartSeries.Point {
            ChartSeries.Point(label: label, value: value, colour: colour)
        }
        return [
            (ChartSeries(id: "projects-per-sector", title: theme.string("charts.projectsPerSector"), kind: .bar, unit: .count,
                         points: sectors.indices.map { point(sectors[$0].name, Double(derived.projectsPerSector[$0]), sectors[$0].colour.value) },
                         valueHeading: projects),
             theme.string("charts.sector")),
            (ChartSeries(id: "funding-per-sector", title: theme.string("charts.fundingPerSector"), kind: .bar, unit: .eur,
                         points: sectors.indices.map { point(sectors[$0].name, derived.fundingPerSector[$0], sectors[$0].colour.value) },
                         valueHeading: theme.string("charts.funding")),
             theme.string("charts.sector")),
            (ChartSeries(id: "projects-per-country", title: theme.string("charts.projectsPerCountry"), kind: .bar, unit: .count,
                         points: derived.projectsPerCountry.map { point(countryName($0.0), Double($0.1)) }, valueHeading: projects),
             theme.string("charts.country")),
            (ChartSeries(id: "projects-per-call", title: theme.string("charts.projectsPerCall"), kind: .column, unit: .count,
                         points: derived.projectsPerCall.map { point($0.0, Double($0.1)) }, valueHeading: projects),
             theme.string("charts.call")),
            (ChartSeries(id: "projects-per-stage", title: theme.string("charts.projectsPerStage"), kind: .column, unit: .count,
                         points: derived.projectsPerStage.map { point(stageName($0.0), Double($0.1)) }, valueHeading: projects),
             theme.string("charts.stage")),
        ]
    }
}
