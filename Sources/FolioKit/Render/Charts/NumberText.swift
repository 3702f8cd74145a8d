/// Numbers as readers see them, grouped by hand rather than through NumberFormatter, whose
/// output depends on the machine's locale (and so would break byte-identical builds).
enum NumberText {
    /// `1500000` → `1,500,000`; fractions keep one decimal (`4.4`).
    static func grouped(_ value: Double, separator: String = ",", decimalSeparator: String = ".") -> String {
        let tenths = Int((abs(value) * 10).rounded())
        var digits = String(tenths / 10)
        var result = ""
        while digits.count > 3 {
            result = separator + digits.suffix(3) + result
            digits.removeLast(3)
        }
        result = (value < 0 && tenths != 0 ? "-" : "") + digits + result
        return tenths % 10 == 0 ? result : result + decimalSeparator + String(tenths % 10)
    }

    static func format(_ value: Double, unit: Metrics.Unit, groupSeparator: String = ",",
                       currencyPrefix: String = "EUR ", percentSuffix: String = " %") -> String {
        let number = grouped(value, separator: groupSeparator)
        switch unit {
        case .eur: return currencyPrefix + number
        case .count: return number
        case .percent: return number + percentSuffix
        }
    }
}
