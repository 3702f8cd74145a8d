/// The metrics page: the editors' figures and charts, then the charts Folio derives from the
/// projects, each drawn as SVG with its data as a table.
extension SiteRenderer {
    func metricsPages() -> [PageJob] {
        let path = SitePaths.metrics
        return [PageJob(path: path, template: "metrics") { [self] in
            let derived = DerivedMetrics(content)
            return context(path: path, title: theme.string("titles.metrics"), description: nil, [
                "figures": content.metrics.figures.map(figureContext),
                "charts": content.metrics.charts.map { chartContext(ChartSeries($0), labelHeading: nil) },
                "derivedCharts": derivedSeries(derived).map { chartContext($0.series, labelHeading: $0.labelHeading) },
                "matrix": [
                    "sectors": content.config.sectors.map { ["id": $0.id.value, "name": $0.name] },
                    "rows": content.config.sectors.indices.map { row in
                        ["name": content.config.sectors[row].name,
                         "cells": derived.sectorMatrix[row].map { ["count": $0] }] as [String: Any]
                    },
                ],
                "crossSectoralShareText": percent(derived.crossSectoralShare * 100),
            ])
        }]
    }

    func percent(_ value: Double) -> String {
        theme.string("formats.percent").replacingOccurrences(of: "{value}", with: NumberText.grouped(value, separator: theme.string("formats.thousandsSeparator")))
    }

    func valueText(_ value: Double, unit: Metrics.Unit) -> String {
        switch unit {
        case .eur: money(value)
        case .percent: percent(value)
        case .count: NumberText.grouped(value, separator: theme.string("formats.thousandsSeparator"))
        }
    }

    /// `{id, title, svg, table}` for the `chart` partial.
    func chartContext(_ series: ChartSeries, labelHeading: String?) -> [String: Any] {
        let format = { (value: Double) in valueText(value, unit: series.unit) }
        var table: [String: Any] = [
            "caption": series.title,
            "valueHeading": series.valueHeading ?? theme.string("metrics.valueHeading." + series.unit.rawValue.lowercased()),
            "rows": series.points.map { ["label": $0.label, "valueText": format($0.value)] },
        ]
        table["labelHeading"] = labelHeading
        return ["id": series.id, "title": series.title, "svg": ChartSVG.render(series, valueText: format), "table": table]
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
