/// The booklet's single-page edition: every project as a chapter of one long page, grouped by
/// call, with the figures, the introduction and an index of partners by country.
extension SiteRenderer {
    func bookletEditionPages() -> [PageJob] {
        let path = SitePaths.bookletEdition
        return [PageJob(path: path, template: "booklet-edition", size: 2 * content.projects.count) { [self] in
            let config = content.config
            var booklet: [String: Any] = ["title": config.booklet.title, "identifier": config.booklet.identifier.value,
                                          "dateText": theme.dateText(config.booklet.date.value)]
            booklet["subtitle"] = config.booklet.subtitle
            booklet["publisher"] = config.booklet.publisher
            // The editors' cover, or the one drawn at build time beside this page.
            booklet["coverHref"] = config.booklet.cover.map { SitePaths.relative(sharedImagePath($0.value), from: path) } ?? "cover.svg"
            booklet["coverAlt"] = theme.string("booklet.coverAlt").replacingOccurrences(of: "{title}", with: config.booklet.title)
            var values: [String: Any] = [
                "booklet": pageContext(path: path, title: "", description: nil)["booklet"] as? [String: Any] ?? [:],
                "figures": content.metrics.figures.map(figureContext),
                "charts": content.metrics.charts.map { chartContext(ChartSeries($0), labelHeading: nil) },
                "calls": index.calls.map { call -> [String: Any] in
                    ["name": call.name, "projects": call.projects.map { chapter($0, page: path) }]
                },
                "partnerIndex": partnerIndex,
            ]
            values["booklet"] = (values["booklet"] as? [String: Any] ?? [:]).merging(booklet) { _, new in new }
            if let intro = content.pages.first(where: { $0.slug == "booklet" }) {
                values["introHTML"] = chapterBody(intro.body, source: intro.source.path, idPrefix: "introduction--", page: path)
            }
            return context(path: path, title: theme.string("titles.edition"), description: config.booklet.subtitle, values)
        }]
    }

    private func chapter(_ project: Project, page: String) -> [String: Any] {
        var values = projectCard(project, from: page)
        values["bodyHTML"] = chapterBody(project.body, source: project.source.path, idPrefix: "\(project.slug)--", page: page)
        values["partners"] = project.partners.map { partner -> [String: Any] in
            var entry: [String: Any] = ["name": partner.name, "country": countryBadge(partner.country.value, from: page)]
            entry["role"] = partner.role
            return entry
        }
        return values
    }

    /// A body inside the one-page booklet: ids prefixed per chapter, headings under the chapter
    /// title, links to other projects pointing at their chapters.
    private func chapterBody(_ body: MarkdownDocument, source: String, idPrefix: String, page: String) -> String {
        FragmentLog.note(HTMLRewriter(idPrefix: idPrefix, footnoteBackLabel: theme.string("labels.footnoteBack"), headingShift: 2) { destination, isImage in
            if let picture = mediaAction(destination, isImage: isImage, source: source, page: page) { return picture }
            switch ContentLink.resolve(destination, from: source) {
            case .external: return .keep
            case .sameFile(let anchor): return .replace("#" + idPrefix + anchor)
            case .content(let path, let anchor):
                if path.hasPrefix("projects/"), path.hasSuffix(".md") {
                    let slug = String(path.dropFirst("projects/".count).dropLast(3))
                    return .replace("#" + slug + (anchor.map { "--\($0)" } ?? ""))
                }
                guard let target = SitePaths.forContent(path) else { return .unwrap }
                return .replace(SitePaths.relative(target, from: page) + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .unwrap
            }
        }.rewritten(body))
    }

    private var partnerIndex: [[String: Any]] {
        Dictionary(grouping: index.partners, by: \.country).keys.sorted().map { code in
            [
                "country": ["code": code, "name": countryName(code)],
                "partners": index.partners.filter { $0.country == code }.map { partner -> [String: Any] in
                    ["name": partner.name, "projects": partner.projects.map { ["title": $0.title, "href": "#" + $0.slug] }]
                },
            ]
        }
    }
}
