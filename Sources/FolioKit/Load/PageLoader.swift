/// Reads `pages/<slug>.md` into a `Page`.
enum PageLoader {
    static let keys = ["title", "menu_order"]

    static func load(_ source: SourceFile, log: DiagnosticLog, bodies: ParsedBodies? = nil) -> Page? {
        guard let file = MarkdownFile.read(source, log: log, bodies: bodies) else { return nil }
        let map = file.frontMatter
        map.rejectUnknownKeys(allowed: keys)
        let title = map.string("title", required: true)
        let menuOrder = map.integer("menu_order")
        guard let title else { return nil }
        return Page(slug: ProjectLoader.slug(of: source), source: source, title: title.value,
                    menuOrder: menuOrder?.value, body: file.body)
    }
}
