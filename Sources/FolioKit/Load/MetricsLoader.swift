/// Reads `data/metrics.yaml` into `Metrics`.
enum MetricsLoader {
    static let keys = ["figures", "charts"]
    static let figureKeys = ["id", "label", "value", "unit", "year", "note"]
    static let chartKeys = ["id", "title", "kind", "unit", "points", "value_label"]
    static let pointKeys = ["label", "value"]

    static func load(_ source: SourceFile, log: DiagnosticLog) -> Metrics? {
        guard let root = YAMLDocument.parse(source.text, file: source.path, firstLine: 1, log: log) else {
            return YAMLDocument.isEmpty(source.text) ? .empty : nil
        }
        guard let map = YAMLMap(root, file: source.path, lineOffset: 0, log: log, what: "metrics.yaml") else { return nil }
        map.rejectUnknownKeys(allowed: keys)

        var figures: [Metrics.Figure] = []
        for figure in map.mapList("figures", itemName: "figure") ?? [] {
            figure.rejectUnknownKeys(allowed: figureKeys)
            let id = figure.string("id", required: true)
            let label = figure.string("label", required: true)
            let value = figure.number("value", required: true)
            let unit = self.unit(in: figure)
            let year = figure.integer("year")
            guard let id, let label, let value, let unit else { continue }
            figures.append(.init(id: id, label: label.value, value: value.value, unit: unit,
                                 year: year?.value, note: figure.string("note")?.value))
        }

        var charts: [Metrics.Chart] = []
        for chart in map.mapList("charts", itemName: "chart") ?? [] {
            chart.rejectUnknownKeys(allowed: chartKeys)
            let id = chart.string("id", required: true)
            let title = chart.string("title", required: true)
            let kind = chart.string("kind", required: true).flatMap { kind -> Metrics.Chart.Kind? in
                let allowed = Metrics.Chart.Kind.allCases.map(\.rawValue)
                guard let parsed = Metrics.Chart.Kind(rawValue: kind.value) else {
                    log.error(at: kind.location, "\(chart.context)kind must be one of \(allowed.joined(separator: ", ")), not '\(Printable.short(kind.value))'",
                              suggestion: Suggestion.closest(to: kind.value, in: allowed))
                    return nil
                }
                return parsed
            }
            let unit = self.unit(in: chart)
            var points: [Metrics.Chart.Point] = []
            let pointMaps = chart.mapList("points", required: true, itemName: "point")
            for point in pointMaps ?? [] {
                point.rejectUnknownKeys(allowed: pointKeys)
                if let label = point.string("label", required: true), let value = point.number("value", required: true) {
                    points.append(.init(label: label.value, value: value.value))
                }
            }
            if pointMaps?.isEmpty == true {
                log.error(at: chart.valueLocation("points"), "\(chart.context)'points' needs at least one point")
            }
            guard let id, let title, let kind, let unit else { continue }
            charts.append(.init(id: id, title: title.value, kind: kind, unit: unit, points: points,
                                valueLabel: chart.string("value_label")?.value))
        }
        return Metrics(figures: figures, charts: charts)
    }

    private static func unit(in map: YAMLMap) -> Metrics.Unit? {
        guard let unit = map.string("unit", required: true) else { return nil }
        let allowed = Metrics.Unit.allCases.map(\.rawValue)
        guard let parsed = Metrics.Unit(rawValue: unit.value) else {
            map.log.error(at: unit.location, "\(map.context)unit must be one of \(allowed.joined(separator: ", ")), not '\(Printable.short(unit.value))'",
                          suggestion: Suggestion.closest(to: unit.value, in: allowed))
            return nil
        }
        return parsed
    }
}

import Foundation
