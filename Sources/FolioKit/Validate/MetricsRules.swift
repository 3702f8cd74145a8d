/// Rules for `data/metrics.yaml`: ids are slug-like and unique across figures and charts.
enum MetricsRules {
    static func check(_ metrics: Metrics) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for id in metrics.figures.map(\.id) + metrics.charts.map(\.id) {
            if !Slug.isValid(id.value) {
                diagnostics.append(.error(at: id.location, "id '\(Printable.short(id.value))' must use lowercase letters, digits and single hyphens",
                                          suggestion: Slug.suggest(for: id.value)))
            }
            if !seen.insert(id.value).inserted {
                diagnostics.append(.error(at: id.location, "id '\(Printable.short(id.value))' is used twice"))
            }
        }
        return diagnostics
    }
}
