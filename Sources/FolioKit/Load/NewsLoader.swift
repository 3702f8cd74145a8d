/// Reads `news/<YYYY-MM-DD>-<slug>.md` into a `NewsItem`.
enum NewsLoader {
    static let keys = ["title", "date", "summary", "tags", "image", "event"]
    static let eventKeys = ["start", "end", "place"]

    static func load(_ source: SourceFile, log: DiagnosticLog, bodies: ParsedBodies? = nil) -> NewsItem? {
        guard let file = MarkdownFile.read(source, log: log, bodies: bodies) else { return nil }
        let map = file.frontMatter
        map.rejectUnknownKeys(allowed: keys)

        let title = map.string("title", required: true)
        let date = map.string("date", required: true)
        let summary = map.string("summary", required: true)
        var event: NewsItem.Event?
        if let eventMap = map.map("event") {
            eventMap.rejectUnknownKeys(allowed: eventKeys)
            let start = eventMap.string("start", required: true)
            let place = eventMap.string("place", required: true)
            if let start, let place {
                event = .init(start: start, end: eventMap.string("end"), place: place.value)
            }
        }
        let tags = map.stringList("tags")?.map(\.value) ?? []

        guard let title, let date, let summary else { return nil }
        return NewsItem(
            slug: ProjectLoader.slug(of: source), source: source, title: title.value, date: date,
            summary: summary, tags: tags, image: map.frontMatterImage("image"), event: event, body: file.body
        )
    }
}
