// Temporary until the charts branch lands with the real NumberText.
enum NumberText {
    static func format(_ value: Double, unit: Metrics.Unit, groupSeparator: String = ",", currencyPrefix: String = "EUR ", percentSuffix: String = " %") -> String {
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 { grouped = groupSeparator + digits.suffix(3) + grouped; digits.removeLast(3) }
        grouped = (whole < 0 ? "-" : "") + digits + grouped
        switch unit {
        case .eur: return currencyPrefix + grouped
        case .count: return grouped
        case .percent: return grouped + percentSuffix
        }
    }
}
