/// The booklet's single-page edition: every project as a chapter of one long page, grouped by
/// call, with the figures, the introduction and an index of partners by country.
extension SiteRenderer {
    func bookletEditionPages() -> [PageJob] {
        let path = SitePaths.bookletEdition
        return [PageJob(path: path, template: "booklet-edition", size: 2 * content.projects.count) { [self] in
            let config = content.config
            let booklet: TemplateObject = [
                .title: .text(config.booklet.title), .identifier: .text(config.booklet.identifier.value),
                .dateText: .text(theme.dateText(config.booklet.date.value)),
                .subtitle: .text(ifSet: config.booklet.subtitle), .publisher: .text(ifSet: config.booklet.publisher),
                // The editors' cover, or the one drawn at build time beside this page.
                .coverHref: .text(config.booklet.cover.map { language.hrefToRoot(sharedImagePath($0.value), from: path) } ?? "cover.svg"),
                .coverAlt: .text(theme.string("booklet.coverAlt").replacingOccurrences(of: "{title}", with: config.booklet.title)),
            ]
            let pageBooklet = pageContext(path: path, title: "", description: nil)[.booklet]?.object ?? TemplateObject()
            var values: TemplateObject = [
                .booklet: .object(pageBooklet.merging(booklet)),
                .figures: .list(content.metrics.figures.map(figureContext)),
                .charts: .list(content.metrics.charts.map { chartContext(ChartSeries($0), labelHeading: nil) }),
                .calls: .list(index.calls.map { call in
                    .object([.name: .text(call.name), .projects: .list(call.projects.map { .object(chapter($0, page: path)) })])
                }),
                .partnerIndex: partnerIndex,
            ]
            if let intro = content.pages.first(where: { $0.slug == "booklet" }) {
                values[.introHTML] = .text(chapterBody(intro.body, source: intro.source.path, idPrefix: "introduction--", page: path))
                values[.introTranslation] = fallbackLanguage(of: intro.source.path)
            }
            return context(path: path, title: theme.string("titles.edition"), description: config.booklet.subtitle, values)
        }]
    }

    private func chapter(_ project: Project, page: String) -> TemplateObject {
        var values = projectCard(project, from: page)
        values[.bodyHTML] = .text(chapterBody(project.body, source: project.source.path, idPrefix: "\(project.slug)--", page: page))
        values[.partners] = .list(project.partners.map { partner in
            .object([.name: .text(partner.name), .country: .object(countryBadge(partner.country.value, from: page)),
                     .role: .text(ifSet: partner.role)])
        })
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
                let href = target.hasPrefix("media/") ? language.hrefToRoot(target, from: page) : SitePaths.relative(target, from: page)
                return .replace(href + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .unwrap
            }
        }.rewritten(body))
    }

    private var partnerIndex: TemplateValue {
        .list(Dictionary(grouping: index.partners, by: \.country).keys.sorted().map { code in
            .object([
                .country: .object([.code: .text(code), .name: .text(countryName(code))]),
                .partners: .list(index.partners.filter { $0.country == code }.map { partner in
                    .object([.name: .text(partner.name),
                             .projects: .list(partner.projects.map { .object([.title: .text($0.title), .href: .text("#" + $0.slug)]) })])
                }),
            ])
        })
    }
}
