/// The XHTML documents of the EPUB, in reading order. Visible words come from `strings.yaml`.
struct EPUBContents {
    let site: SiteRenderer
    var content: SiteContent { site.content }
    var theme: Theme { site.theme }

    func documents() -> [EPUBDocument] {
        var documents = [titlePage()]
        if let intro = content.pages.first(where: { $0.slug == "booklet" }) {
            documents.append(EPUBDocument(path: "introduction.xhtml", title: theme.string("booklet.introduction"),
                                          body: section(theme.string("booklet.introduction"), body(intro.body, source: intro.source.path, from: "introduction.xhtml")),
                                          landmark: "preface"))
        }
        if !content.metrics.figures.isEmpty { documents.append(figuresPage()) }
        if !content.metrics.charts.isEmpty { documents.append(chartsPage()) }
        for call in site.index.calls {
            for (position, project) in call.projects.enumerated() {
                documents.append(chapter(project, callName: position == 0 ? call.name : nil))
            }
        }
        documents.append(partnerIndex())
        return documents
    }

    static func chapterPath(_ slug: String) -> String { "chapters/\(slug).xhtml" }

    private func e(_ text: String) -> String { XMLText.escape(text) }

    private func section(_ heading: String, _ inner: String, type: String? = nil) -> String {
        let typeAttribute = type.map { " epub:type=\"\($0)\"" } ?? ""
        return "<section\(typeAttribute)>\n<h1>\(e(heading))</h1>\n\(inner)\n</section>"
    }

    private func titlePage() -> EPUBDocument {
        let booklet = content.config.booklet
        var body = "<section epub:type=\"titlepage\" class=\"title-page\">\n<h1>\(e(booklet.title))</h1>\n"
        if let subtitle = booklet.subtitle { body += "<p class=\"subtitle\">\(e(subtitle))</p>\n" }
        if let publisher = booklet.publisher { body += "<p class=\"publisher\">\(e(publisher))</p>\n" }
        body += "</section>\n<section epub:type=\"colophon\" class=\"colophon\">\n<h2>\(e(theme.string("booklet.colophon")))</h2>\n<dl>\n"
        var facts = [(theme.string("booklet.bookTitle"), booklet.title + (booklet.subtitle.map { ". \($0)" } ?? ""))]
        if let publisher = booklet.publisher { facts.append((theme.string("booklet.publisher"), publisher)) }
        facts += [(theme.string("booklet.published"), theme.dateText(booklet.date.value)),
                  (theme.string("booklet.identifier"), booklet.identifier.value),
                  (theme.string("booklet.funding"), content.config.fundingNotice)]
        body += facts.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined(separator: "\n")
        body += "\n</dl>\n</section>"
        return EPUBDocument(path: "title.xhtml", title: booklet.title, body: body, landmark: "titlepage")
    }

    private func figuresPage() -> EPUBDocument {
        let rows = content.metrics.figures.map { figure in
            let value = NumberText.format(figure.value, unit: figure.unit)
            let note = [figure.year.map(String.init), figure.note].compactMap { $0 }.joined(separator: " · ")
            return "<tr><th scope=\"row\">\(e(figure.label))</th><td>\(e(value))</td><td>\(e(note))</td></tr>"
        }
        let table = "<table>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
        return EPUBDocument(path: "figures.xhtml", title: theme.string("booklet.figures"),
                            body: section(theme.string("booklet.figures"), table))
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
                            body: section(theme.string("booklet.charts"), inner), hasSVG: true)
    }

    private func chapter(_ project: Project, callName: String?) -> EPUBDocument {
        let path = Self.chapterPath(project.slug)
        var body = ""
        if let callName { body += "<p class=\"call-title\">\(e(callName))</p>\n" }
        body += "<section epub:type=\"chapter\" id=\"\(e(project.slug))\">\n<h1>\(e(project.title))</h1>\n"
        if let acronym = project.acronym { body += "<p class=\"acronym\">\(e(acronym))</p>\n" }
        body += "<p class=\"lead\">\(e(project.summary.value))</p>\n<dl class=\"facts\">\n"
        var facts = [
            (theme.string("labels.sectors"), project.sectorIDs.map { content.config.sector($0)?.name ?? $0 }.joined(separator: ", ")),
            (theme.string("labels.countries"), project.countryCodes.map(site.countryName).joined(separator: ", ")),
            (theme.string("labels.call"), project.call),
        ]
        if let stage = project.stage { facts.append((theme.string("labels.stage"), site.stageName(stage.value))) }
        facts.append((theme.string("labels.funding"), site.money(project.fundingEUR.value)))
        facts.append((theme.string("labels.partners"), project.partners.map { partner in
            "\(partner.name), \(site.countryName(partner.country.value))" + (partner.role.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")))
        body += facts.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined(separator: "\n")
        body += "\n</dl>\n" + self.body(project.body, source: project.source.path, from: path) + "\n</section>"
        return EPUBDocument(path: path, title: project.title, body: body, landmark: nil)
    }

    private func partnerIndex() -> EPUBDocument {
        var inner = "<p>\(e(theme.string("booklet.partnerIndexIntro")))</p>\n"
        for code in Set(site.index.partners.map(\.country)).sorted() {
            inner += "<h2>\(e(site.countryName(code)))</h2>\n<ul>\n"
            for partner in site.index.partners where partner.country == code {
                let links = partner.projects.map { "<a href=\"\(Self.chapterPath($0.slug))#\(e($0.slug))\">\(e($0.title))</a>" }
                inner += "<li>\(e(partner.name)): \(links.joined(separator: ", "))</li>\n"
            }
            inner += "</ul>\n"
        }
        return EPUBDocument(path: "partners.xhtml", title: theme.string("booklet.partnerIndex"),
                            body: section(theme.string("booklet.partnerIndex"), inner, type: "index"), landmark: "index")
    }

    /// A body for an EPUB document at `from`: project links lead to chapters, media into the
    /// package, other site pages to the public site when `base_url` is set (else plain text).
    private func body(_ body: MarkdownDocument, source: String, from document: String) -> String {
        let root = content.config.absoluteRoot
        let up = String(repeating: "../", count: document.split(separator: "/").count - 1)
        return HTMLRewriter(footnoteBackLabel: theme.string("labels.footnoteBack"), headingShift: 0) { destination, _ in
            switch ContentLink.resolve(destination, from: source) {
            case .external, .sameFile: return .keep
            case .content(let path, let anchor):
                let fragment = anchor.map { "#\($0)" } ?? ""
                if path.hasPrefix("projects/"), path.hasSuffix(".md") {
                    let slug = String(path.dropFirst("projects/".count).dropLast(3))
                    return .replace(up + Self.chapterPath(slug) + (anchor == nil ? "#\(slug)" : fragment))
                }
                if path.hasPrefix("media/"), EPUBPackage.mediaType(of: path) != nil { return .replace(up + path) }
                guard let root, let target = SitePaths.forContent(path) else { return .unwrap }
                return .replace(root + target + fragment)
            case .outside, .unsupported: return .unwrap
            }
        }.rewrite(body)
    }
}
