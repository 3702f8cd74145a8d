/// `data/metrics.yaml`: headline figures and charts the editors maintain by hand.
public struct Metrics: Sendable {
    public enum Unit: String, Sendable, CaseIterable {
        case eur = "EUR", count, percent
    }

    public struct Figure: Sendable {
        public var id: Located<String>
        public var label: String
        public var value: Double
        public var unit: Unit
        public var year: Int?
        public var note: String?
    }

    public struct Chart: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case bar, column, line
        }

        public struct Point: Sendable {
            public var label: String
            public var value: Double
        }

        public var id: Located<String>
        public var title: String
        public var kind: Kind
        public var unit: Unit
        public var points: [Point]
        /// The heading of the value column of the chart's data table (`value_label`).
        public var valueLabel: String? = nil
    }

    public var figures: [Figure]
    public var charts: [Chart]

    public static let empty = Metrics(figures: [], charts: [])
}
