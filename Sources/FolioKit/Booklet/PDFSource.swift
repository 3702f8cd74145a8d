import Foundation

/// What the Typst template typesets: the booklet's data (`booklet.json`) and the files it shows
/// (charts, the drawn cover, media). A pure function of the model: the same content gives the same bytes.
struct PDFSource {
    static let dataFile = "booklet.json"
    static let drawnCoverFile = "cover-drawn.svg"
    /// The unit name of the introduction among the project slugs (a slug cannot contain `/`).
    static let introductionUnit = "/introduction"

    /// `booklet.json`.
    var data: PDFData
    /// Files made at build time (charts, the drawn cover), by path in the build folder.
    var generated: [(path: String, text: String)]
    /// `media/…` files the template shows (content paths): copied as they are, or as their
    /// booklet copy for a raster original (see `PDFBody.shownPath`).
    var media: [String]

    /// Which parts go into the source: every part, or (to find which part Typst cannot set) only
    /// the introduction and projects named in `units`, the last of them cut after `blocks` blocks.
    struct Selection {
        var units: Set<String>?
        var cut: (unit: String, blocks: Int)?

        static let all = Selection(units: nil, cut: nil)

        func includes(_ unit: String) -> Bool { units?.contains(unit) ?? true }
        func blocks(_ blocks: [MarkdownBlock], of unit: String) -> [MarkdownBlock] {
            guard let cut, cut.unit == unit else { return blocks }
            return Array(blocks.prefix(cut.blocks))
        }
    }

    /// The introduction and the projects, in the booklet's order: what a Typst error can be traced to.
    static func units(of site: SiteRenderer) -> [(unit: String, source: SourceFile)] {
        let words = translatedBodies(of: site)
        let intro = site.content.pages.first { $0.slug == "booklet" }.map { [(introductionUnit, words[$0.source.path] ?? $0.source)] } ?? []
        return intro + site.index.calls.flatMap { $0.projects.map { ($0.slug, words[$0.source.path] ?? $0.source) } }
    }

    /// The files whose bodies this language's booklet shows in its own words, by their source's
    /// path: its translations that have a body (the default language has none).
    static func translatedBodies(of site: SiteRenderer) -> [String: SourceFile] {
        guard !site.language.isDefault else { return [:] }
        let code = site.language.code
        return Dictionary(site.content.translations.filter { $0.language.value == code && $0.body != nil }.map { ($0.sourcePath, $0.source) },
                          uniquingKeysWith: { first, _ in first })
    }

    /// A body's syntax tree, read again from its file (the model keeps the rendered HTML only).
    static func tree(of source: SourceFile) -> MarkdownTree {
        guard case .success(let parts) = FrontMatter.split(source.text) else {
            return MarkdownTree.parse(source.text, firstLine: 1)
        }
        return MarkdownTree.parse(parts.body, firstLine: parts.bodyFirstLine)
    }

    /// `created` is the build date (from the content or SOURCE_DATE_EPOCH): the PDF's creation date.
    init(site: SiteRenderer, created: BuildDate, selection: Selection = .all) {
        let content = site.content, theme = site.theme, config = content.config
        let projects = site.index.calls.flatMap(\.projects).filter { selection.includes($0.slug) }
        var anchors: [String: Set<String>] = [:]
        for project in projects { anchors[project.slug] = project.body.anchorIDs }
        let links = PDFBody(anchors: anchors, absoluteRoot: config.absoluteRoot, images: site.images)
        var media: [String] = []
        var generated: [(path: String, text: String)] = []
        let words = Self.translatedBodies(of: site)

        let cover = Self.cover(site, generated: &generated, media: &media)
        var introduction: PDFData = .null
        if let intro = content.pages.first(where: { $0.slug == "booklet" }), selection.includes(Self.introductionUnit) {
            introduction = Self.body(of: words[intro.source.path] ?? intro.source, document: intro.body, unit: Self.introductionUnit, headingOffset: 1,
                                     selection: selection, links: links, media: &media)
        }
        let figures = content.metrics.figures.map { figure -> PDFData in
            let note = [figure.year.map(String.init), figure.note].compactMap { $0 }.joined(separator: " · ")
            return .fields(["label": .text(figure.label), "value": .text(site.valueText(figure.value, unit: figure.unit)),
                            "note": .text(note)])
        }
        let charts = Self.charts(site, generated: &generated)
        var calls: [PDFData] = []
        for (callIndex, call) in site.index.calls.enumerated() {
            let included = call.projects.filter { selection.includes($0.slug) }
            if included.isEmpty { continue }
            let chapters = included.map { Self.chapter($0, site: site, words: words, selection: selection, links: links, media: &media) }
            calls.append(.fields(["name": .text(call.name), "label": .string("call-\(callIndex + 1)"), "projects": .array(chapters)]))
        }

        let date = DateText.parts(of: config.booklet.date.value) ?? (2000, 1, 1)
        let language = config.language.value.split(separator: "-").map(String.init)
        let region = language.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }
        data = .fields([
            "title": .string(config.booklet.title),
            "subtitle": config.booklet.subtitle.map(PDFData.text),
            "publisher": config.booklet.publisher.map(PDFData.text),
            "site": .string(config.title),
            "language": .string(language.first?.lowercased() ?? "en"),
            "region": region.map { .string($0.uppercased()) },
            "paper": .string(config.booklet.paperSize),
            "date": .fields(["year": .int(date.year), "month": .int(date.month), "day": .int(date.day)]),
            "dateText": .string(theme.dateText(config.booklet.date.value)),
            "created": Self.dateTime(created.timestamp),
            "colophon": .array(site.colophonFacts().map { .fields(["label": .string($0.label), "value": .text($0.value)]) }),
            "emblem": .fields(["path": "assets/eu-flag.svg", "alt": .string(theme.string("footer.euFlag"))]),
            "fundingNotice": .text(config.fundingNotice),
            "strings": Self.strings(theme),
            "sectors": .array(config.sectors.map { .fields(["name": .text($0.name), "colour": .string($0.colour.value)]) }),
            "cover": cover,
            "introduction": introduction,
            "figures": .array(figures),
            "charts": .array(charts),
            "calls": .array(calls),
            "partners": Self.partnerIndex(site, included: selection),
        ])
        self.generated = generated
        self.media = Array(Set(media)).sorted()
    }

    /// The editors' cover when the PDF can show it (PNG, JPEG, GIF, SVG), or the one Folio draws.
    private static func cover(_ site: SiteRenderer, generated: inout [(path: String, text: String)], media: inout [String]) -> PDFData {
        let config = site.content.config
        let alt = site.theme.string("booklet.coverAlt").replacingOccurrences(of: "{title}", with: config.booklet.title)
        if let given = EPUBContents.givenCover(config) {
            media.append(given)
            return .fields(["path": .string(PDFBody.shownPath(given, images: site.images)), "alt": .string(alt), "drawn": .bool(false)])
        }
        generated.append((drawnCoverFile, CoverSVG.render(title: config.booklet.title, subtitle: config.booklet.subtitle,
                                                          colours: config.sectors.map(\.colour.value))))
        return .fields(["path": .string(drawnCoverFile), "alt": .string(alt), "drawn": .bool(true)])
    }

    /// The editors' charts as the site draws them, with their data as alt text.
    private static func charts(_ site: SiteRenderer, generated: inout [(path: String, text: String)]) -> [PDFData] {
        site.content.metrics.charts.enumerated().map { index, chart in
            let series = ChartSeries(chart)
            let format = { (value: Double) in site.valueText(value, unit: series.unit) }
            let path = "charts/chart-\(index + 1).svg"
            generated.append((path, ChartSVG.render(series, valueText: format)))
            let alt = series.title + ": " + series.points.map { "\($0.label) \(format($0.value))" }.joined(separator: "; ")
            return .fields(["title": .text(series.title), "path": .string(path), "alt": .string(alt)])
        }
    }

    /// A project's chapter: title, metadata, sector colours and body.
    /// `words`: the translations' files, whose bodies a language's booklet shows; a chapter with
    /// none shows the default language's words, marked with that language and a notice.
    private static func chapter(_ project: Project, site: SiteRenderer, words: [String: SourceFile], selection: Selection,
                                links: PDFBody, media: inout [String]) -> PDFData {
        let config = site.content.config
        let untranslated = site.language.untranslated.contains(project.source.path)
        let sectors = project.sectorIDs.map { id -> PDFData in
            let sector = config.sector(id)
            return .fields(["name": .string(sector?.name ?? id), "colour": .string(sector?.colour.value ?? "#444444")])
        }
        // The project's own picture, as the EPUB shows it: a raster original's booklet copy, or the SVG.
        let image = project.image.flatMap { EPUBContents.showsLeadImage($0.mediaPath) ? $0 : nil }
        if let image { media.append(image.mediaPath) }
        return .fields([
            "label": .string(PDFBody.chapterLabel(project.slug)),
            "image": image.map { .fields(["path": .string(PDFBody.shownPath($0.mediaPath, images: site.images)),
                                          "alt": .string($0.description(orTitle: project.title))]) },
            "title": .text(project.title),
            "acronym": project.acronym.map(PDFData.text),
            "summary": .text(project.summary.value),
            "sectors": .array(sectors),
            "facts": .array(site.projectFacts(project).map { .fields(["label": .string($0.label), "value": .text($0.value)]) }),
            "lang": untranslated ? .string(site.language.defaultCode) : nil,
            "notice": untranslated ? .text(site.theme.string("translation.chapterNotTranslated")) : nil,
            "body": body(of: words[project.source.path] ?? project.source, document: project.body, unit: project.slug, headingOffset: 2,
                         selection: selection, links: links, media: &media),
            "web": config.absoluteRoot.map { .string($0 + site.language.folder + SitePaths.project(project.slug)) },
        ])
    }

    /// The blocks of the body of `source` (a project's or the introduction's), and the pictures it shows.
    private static func body(of source: SourceFile, document: MarkdownDocument, unit: String, headingOffset: Int,
                             selection: Selection, links: PDFBody, media: inout [String]) -> PDFData {
        var tree = Self.tree(of: source)
        tree.blocks = selection.blocks(tree.blocks, of: unit)
        media += PDFBody.images(in: tree, source: source.path)
        return links.blocks(tree, document: document, source: source.path, prefix: unit, headingOffset: headingOffset)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` as the fields of Typst's `datetime`.
    private static func dateTime(_ timestamp: String) -> PDFData {
        let date = DateText.parts(of: String(timestamp.prefix(10))) ?? (2000, 1, 1)
        let time = timestamp.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        let clock = time.count == 3 ? time : [0, 0, 0]
        return .fields(["year": .int(date.year), "month": .int(date.month), "day": .int(date.day),
                        "hour": .int(clock[0]), "minute": .int(clock[1]), "second": .int(clock[2])])
    }

    /// The interface words the template shows: `booklet.*` and `labels.*` of `strings.yaml`.
    private static func strings(_ theme: Theme) -> PDFData {
        var sections: [(String, PDFData)] = []
        for section in ["booklet", "labels"] {
            let values = theme.strings(in: section)
            sections.append((section, .object(values.keys.sorted().map { ($0, .string(values[$0]!)) })))
        }
        return .object(sections)
    }

    /// Partners in alphabetical order under their initial letter, each with the chapters of its projects.
    private static func partnerIndex(_ site: SiteRenderer, included selection: Selection) -> PDFData {
        let sortKey = { (name: String) in name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        var order: [String: Int] = [:]
        for (position, project) in site.index.calls.flatMap(\.projects).enumerated() { order[project.slug] = position }
        let partners = site.index.partners
            .map { partner in
                (partner, partner.projects.filter { selection.includes($0.slug) }.sorted { order[$0.slug, default: 0] < order[$1.slug, default: 0] })
            }
            .filter { !$0.1.isEmpty }
            .sorted { (sortKey($0.0.name), $0.0.country, $0.0.id) < (sortKey($1.0.name), $1.0.country, $1.0.id) }
        var groups: [(letter: String, entries: [PDFData])] = []
        for (partner, projects) in partners {
            let first = sortKey(partner.name).first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            let entry: PDFData = .fields([
                "name": .text(partner.name),
                "country": .text(site.countryName(partner.country)),
                "projects": .array(projects.map { .fields(["label": .string(PDFBody.chapterLabel($0.slug)), "title": .text($0.title)]) }),
            ])
            if groups.last?.letter == first { groups[groups.count - 1].entries.append(entry) } else { groups.append((first, [entry])) }
        }
        return .array(groups.map { .fields(["letter": .string($0.letter), "entries": .array($0.entries)]) })
    }
}
