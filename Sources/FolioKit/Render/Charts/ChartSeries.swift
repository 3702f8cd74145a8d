/// What every chart becomes before it is drawn, whether an editor wrote it in metrics.yaml or
/// Folio derived it from the projects.
public struct ChartSeries: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var value: Double
        /// A bar's own colour (sector charts use the sector colours).
        public var colour: String?
    }

    public var id: String
    public var title: String
    public var kind: Metrics.Chart.Kind
    public var unit: Metrics.Unit
    public var points: [Point]
    /// The heading of the data table's value column; nil for the neutral one of its unit.
    public var valueHeading: String?

    init(id: String, title: String, kind: Metrics.Chart.Kind, unit: Metrics.Unit, points: [Point], valueHeading: String? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.unit = unit
        self.points = points
        self.valueHeading = valueHeading
    }

    init(_ chart: Metrics.Chart) {
        self.init(id: chart.id.value, title: chart.title, kind: chart.kind, unit: chart.unit,
                  points: chart.points.map { Point(label: $0.label, value: $0.value, colour: nil) }, valueHeading: chart.valueLabel)
    }
}
