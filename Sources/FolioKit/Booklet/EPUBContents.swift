/// The XHTML documents of the EPUB, in reading order: cover, title page and colophon,
/// introduction, figures, charts, then per call a part page followed by its projects' chapters,
/// and the partner index. Visible words come from `strings.yaml`.
struct EPUBContents {
    let site: SiteRenderer
    var content: SiteContent { site.content }
    var theme: Theme { site.theme }

    /// The content documents in reading order, each handed to `finish` as soon as it is made
    /// (which writes its file and keeps what the package needs), so that the bodies of a large
    /// booklet are never all in memory at once.
    func documents(_ finish: (EPUBDocument) throws -> EPUBDocument) rethrows -> [EPUBDocument] {
        var documents = [try finish(cover()), try finish(titlePage())]
        if let intro = content.pages.first(where: { $0.slug == "booklet" }) {
            let path = "introduction.xhtml"
            let text = body(intro.body, source: intro.source.path, idPrefix: "introduction--", from: path)
            let words = lang(of: intro.source.path)
            let inner = words.isEmpty ? text : notice(for: intro.source.path) + "<div\(words)>\n\(text)\n</div>"
            documents.append(try finish(EPUBDocument(path: path, title: theme.string("booklet.introduction"),
                                                     body: section(theme.string("booklet.introduction"), inner, type: "preface"),
                                                     landmark: "preface", source: intro.source.path)))
        }
        if !content.metrics.figures.isEmpty { documents.append(try finish(figuresPage())) }
        if !content.metrics.charts.isEmpty { documents.append(try finish(chartsPage())) }
        for call in site.index.calls {
            documents.append(try finish(callPage(call)))
            for project in call.projects { documents.append(try finish(chapter(project))) }
        }
        if !site.index.partners.isEmpty { documents.append(try finish(partnerIndex())) }
        return documents
    }

    static func chapterPath(_ slug: String) -> String { "chapters/\(slug).xhtml" }
    static func callPath(_ slug: String) -> String { "calls/\(slug).xhtml" }

    /// The editors' `booklet.cover` when the EPUB can carry it (PNG, JPEG, GIF, SVG).
    static func givenCover(_ config: SiteConfig) -> String? {
        config.booklet.cover.map(\.value).flatMap { EPUBPackage.mediaType(of: $0) != nil ? $0 : nil }
    }

    /// The cover image in the package: the editors' cover, or the one drawn at build time.
    var coverImagePath: String {
        Self.givenCover(content.config).map { site.images.bookletCopy(for: $0)?.path ?? BookletLink.packagePath($0) } ?? CoverSVG.path
    }

    private func e(_ text: String) -> String { XMLText.escape(text) }

    private func section(_ heading: String, _ inner: String, type: String? = nil, id: String? = nil) -> String {
        let typeAttribute = type.map { " epub:type=\"\($0)\"" } ?? ""
        let idAttribute = id.map { " id=\"\(e($0))\"" } ?? ""
        return "<section\(typeAttribute)\(idAttribute)>\n<h1>\(e(heading))</h1>\n\(inner)\n</section>"
    }

    private func facts(_ rows: [(String, String)], class name: String? = nil) -> String {
        let classAttribute = name.map { " class=\"\($0)\"" } ?? ""
        return "<dl\(classAttribute)>\n" + rows.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>"
    }

    private func cover() -> EPUBDocument {
        let alt = theme.string("booklet.coverAlt").replacingOccurrences(of: "{title}", with: content.config.booklet.title)
        let body = "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"\(e(BookletLink.encode(coverImagePath)))\" alt=\"\(e(alt))\"/>\n</section>"
        return EPUBDocument(path: "cover.xhtml", title: theme.string("booklet.cover"), body: body, landmark: "cover", inTOC: false)
    }

    private func titlePage() -> EPUBDocument {
        let booklet = content.config.booklet
        var body = "<section epub:type=\"titlepage\" class=\"title-page\">\n<h1>\(e(booklet.title))</h1>\n"
        if let subtitle = booklet.subtitle { body += "<p class=\"subtitle\">\(e(subtitle))</p>\n" }
        if let publisher = booklet.publisher { body += "<p class=\"publisher\">\(e(publisher))</p>\n" }
        body += "<p class=\"date\">\(e(theme.dateText(booklet.date.value)))</p>\n"
        body += "</section>\n<section epub:type=\"colophon\" class=\"colophon\" id=\"colophon\">\n<h2>\(e(theme.string("booklet.colophon")))</h2>\n"
        let rows = site.colophonFacts().map { ($0.label, $0.value) }
        body += facts(rows) + "\n</section>"
        return EPUBDocument(path: "title.xhtml", title: booklet.title, body: body, landmark: "titlepage")
    }

    private func figuresPage() -> EPUBDocument {
        let rows = content.metrics.figures.map { figure in
            let value = site.valueText(figure.value, unit: figure.unit)
            let note = [figure.year.map(String.init), figure.note].compactMap { $0 }.joined(separator: " · ")
            return "<tr><th scope=\"row\">\(e(figure.label))</th><td>\(e(value))</td><td>\(e(note))</td></tr>"
        }
        let table = "<table>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
        return EPUBDocument(path: "figures.xhtml", title: theme.string("booklet.figures"),
                            body: section(theme.string("booklet.figures"), table), source: "data/metrics.yaml")
    }

    /// The editors' charts as inline SVG, each with its data as a table for readers who cannot see it.
    private func chartsPage() -> EPUBDocument {
        var inner = ""
        for chart in content.metrics.charts {
            let series = ChartSeries(chart)
            let format = { (value: Double) in site.valueText(value, unit: series.unit) }
            let rows = series.points.map { "<tr><th scope=\"row\">\(e($0.label))</th><td>\(e(format($0.value)))</td></tr>" }
            inner += "<figure id=\"chart-\(e(series.id))\">\n<figcaption>\(e(series.title))</figcaption>\n"
                + ChartSVG.render(series, valueText: format)
                + "\n<table>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n</figure>\n"
        }
        return EPUBDocument(path: "charts.xhtml", title: theme.string("booklet.charts"),
                            body: section(theme.string("booklet.charts"), inner), hasSVG: true, source: "data/metrics.yaml")
    }

    /// A part page per call: its name and the list of its projects.
    private func callPage(_ call: SiteIndex.Call) -> EPUBDocument {
        let path = Self.callPath(call.slug)
        let items = call.projects.map { "<li><a href=\"../\(Self.chapterPath($0.slug))\"\(lang(of: $0.source.path))>\(e($0.title))</a></li>" }
        let inner = "<ol class=\"call-projects\">\n" + items.joined(separator: "\n") + "\n</ol>"
        return EPUBDocument(path: path, title: call.name, body: section(call.name, inner, type: "part", id: "call-\(call.slug)"))
    }

    private func chapter(_ project: Project) -> EPUBDocument {
        let path = Self.chapterPath(project.slug)
        let words = lang(of: project.source.path)
        var body = "<section epub:type=\"chapter\" id=\"\(e(project.slug))\">\n<h1\(words)>\(e(project.title))</h1>\n"
        body += notice(for: project.source.path)
        if let acronym = project.acronym { body += "<p class=\"acronym\"\(words)>\(e(acronym))</p>\n" }
        body += "<p class=\"lead\"\(words)>\(e(project.summary.value))</p>\n"
        body += leadImage(project, document: path)
        let rows = site.projectFacts(project).map { ($0.label, $0.value) }
        body += facts(rows, class: "facts") + "\n"
        let text = self.body(project.body, source: project.source.path, idPrefix: "\(project.slug)--", from: path)
        body += words.isEmpty ? text : "<div\(words)>\n\(text)\n</div>"
        if let root = content.config.absoluteRoot {
            body += "\n<p class=\"on-the-web\"><a href=\"\(e(root + site.language.folder + SitePaths.project(project.slug)))\">\(e(theme.string("booklet.onTheWeb")))</a></p>"
        }
        body += "\n</section>"
        return EPUBDocument(path: path, title: project.title, body: body, navDepth: 1, source: project.source.path)
    }

    /// ` lang="en" xml:lang="en"` for words shown in the default language because this one has no
    /// translation of `source`; nothing otherwise.
    private func lang(of source: String) -> String {
        guard site.language.untranslated.contains(source) else { return "" }
        let code = e(site.language.defaultCode)
        return " lang=\"\(code)\" xml:lang=\"\(code)\""
    }

    /// The notice, in the booklet's language, above a chapter shown in the default language.
    private func notice(for source: String) -> String {
        guard site.language.untranslated.contains(source) else { return "" }
        return "<p class=\"translation-notice\">\(e(theme.string("translation.chapterNotTranslated")))</p>\n"
    }

    private func partnerIndex() -> EPUBDocument {
        var inner = "<p>\(e(theme.string("booklet.partnerIndexIntro")))</p>\n"
        for code in Set(site.index.partners.map(\.country)).sorted() {
            inner += "<h2>\(e(site.countryName(code)))</h2>\n<ul class=\"index-list\">\n"
            for partner in site.index.partners where partner.country == code {
                let links = partner.projects.map { "<a href=\"\(Self.chapterPath($0.slug))\">\(e($0.title))</a>" }
                inner += "<li>\(e(partner.name)): \(links.joined(separator: ", "))</li>\n"
            }
            inner += "</ul>\n"
        }
        return EPUBDocument(path: "partners.xhtml", title: theme.string("booklet.partnerIndex"),
                            body: section(theme.string("booklet.partnerIndex"), inner, type: "index"), landmark: "index")
    }

    /// A body for the EPUB document at `from`: see `BookletLink` for where each link leads.
    private func body(_ body: MarkdownDocument, source: String, idPrefix: String, from document: String) -> String {
        let root = content.config.absoluteRoot
        return HTMLRewriter(idPrefix: idPrefix, footnoteBackLabel: theme.string("labels.footnoteBack")) { destination, isImage in
            if let copy = bookletCopyAction(destination, isImage: isImage, source: source, document: document) { return copy }
            let link = BookletLink.resolve(destination, from: source, isImage: isImage)
            if link == .keep { return .keep }
            return link.href(from: document, absoluteRoot: root).map { .replace($0) } ?? .unwrap
        }.rewrite(body)
    }
}
