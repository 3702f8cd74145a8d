/// Rules for `news/<YYYY-MM-DD>-<slug>.md`.
enum NewsRules {
    static func check(_ item: NewsItem, targets: LinkTargets) -> [Diagnostic] {
        var diagnostics = FieldRules.summary(item.summary)
        let fileDate = String(item.slug.prefix(10))
        if !DateText.isValid(item.date.value) {
            diagnostics += FieldRules.date(item.date, key: "date")
        } else if item.date.value != fileDate {
            diagnostics.append(.error(at: item.date.location, "date \(item.date.value) differs from the date in the file name", suggestion: fileDate))
        }
        if let event = item.event {
            diagnostics += FieldRules.date(event.start, key: "start")
            if let end = event.end {
                diagnostics += FieldRules.date(end, key: "end")
                if DateText.isValid(end.value), DateText.isValid(event.start.value), end.value < event.start.value {
                    diagnostics.append(.error(at: end.location, "event end \(end.value) is before its start \(event.start.value)"))
                }
            }
        }
        if let image = item.image { diagnostics += ImageRules.check(image, targets: targets) }
        diagnostics += LinkRules.check(item.body, in: item.source.path, targets: targets)
        return diagnostics
    }
}
