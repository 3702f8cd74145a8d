/// The one date a build needs (feed `updated`, EPUB `dcterms:modified`), taken from the content
/// or from `SOURCE_DATE_EPOCH`, never from the clock, so that rebuilds are byte-identical.
public struct BuildDate: Sendable {
    /// `YYYY-MM-DDThh:mm:ssZ`
    public var timestamp: String

    public init(content: SiteContent, sourceDateEpoch: String?) {
        if let epoch = sourceDateEpoch.flatMap({ Int($0) }), epoch >= 0 {
            timestamp = Self.timestamp(fromEpoch: epoch)
        } else {
            let latest = ([content.config.booklet.date.value] + content.news.map(\.date.value)).filter(DateText.isValid).max()
            timestamp = (latest ?? "2000-01-01") + "T00:00:00Z"
        }
    }

    /// Civil date from days since 1970 (Howard Hinnant's algorithm), free of calendars and zones.
    static func timestamp(fromEpoch epoch: Int) -> String {
        let days = epoch / 86_400, seconds = epoch % 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))Z"
    }
}
