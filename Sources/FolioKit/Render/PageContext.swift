/// The values every page's template gets (see docs/layouts.md, "Values on every page").
extension SiteRenderer {
    func pageContext(path: String, title: String, description: String?, ogType: String = "website",
                     imagePath: String? = nil, source: String? = nil) -> TemplateObject {
        let config = content.config
        var page: TemplateObject = [
            .title: .text(title),
            .description: .text(description ?? config.tagline ?? config.title),
            .ogType: .text(ogType),
            .path: .text(path),
            .isHome: .flag(path == SitePaths.home),
        ]
        // The 404 page is served in place of any missing path, at any depth: its links cannot be
        // relative to where it sits, so with a base URL they start from the site's path; without
        // one that path is unknown and they stay relative to the root. It is never indexed.
        let isNotFound = path == SitePaths.notFound
        let sitePath = isNotFound ? SitePaths.sitePath(of: config) : nil
        func href(_ target: String) -> String { sitePath.map { $0 + language.folder + target } ?? SitePaths.relative(target, from: path) }
        if isNotFound { page[.noindex] = .flag(true) }
        if let root = config.absoluteRoot, !isNotFound {
            page[.canonicalURL] = .text(SitePaths.absolute(language.folder + path, root: root))
            if let imagePath { page[.ogImageURL] = .text(root + imagePath) }
        }
        let site: TemplateObject = [
            .title: .text(config.title), .language: .text(config.language.value), .fundingNotice: .text(config.fundingNotice),
            .tagline: .text(ifSet: config.tagline), .baseURL: .text(ifSet: config.baseURL?.value),
        ]

        let menu: [TemplateValue] = config.menu.compactMap { item -> TemplateValue? in
            switch ContentLink.resolve(item.link.value, from: "site.yaml") {
            case .content(let contentPath, let anchor):
                guard let target = SitePaths.forContent(contentPath) else { return nil }
                return .object([.title: .text(item.title), .href: .text(href(target) + (anchor.map { "#\($0)" } ?? "")),
                                .isCurrent: .flag(target == path)])
            case .external(let url) where MenuLink.isWebAddress(url):
                return .object([.title: .text(item.title), .href: .text(url), .isCurrent: .flag(false), .isExternal: .flag(true)])
            default:
                return nil
            }
        }
        var booklet: TemplateObject = [
            .title: .text(config.booklet.title),
            .editionHref: .text(href(SitePaths.bookletEdition)),
            .epubHref: .text(href(SitePaths.epub(for: config))),
            .pageHref: .text(href(SitePaths.booklet)),
        ]
        if let epubSize = epubSize.value {
            booklet[.epubSize] = .text(FileSizeText.text(epubSize, theme: theme))
        }
        if let pdf = pdfFacts.value {
            booklet[.pdfHref] = .text(href(SitePaths.pdf(for: config)))
            booklet[.pdfMeta] = .text(theme.string("booklet.pdfMeta")
                .replacingOccurrences(of: "{pages}", with: NumberText.format(Double(pdf.pages), unit: .count,
                                                                          groupSeparator: theme.string("formats.thousandsSeparator")))
                .replacingOccurrences(of: "{size}", with: FileSizeText.text(pdf.bytes, theme: theme)))
        }
        if let archiveSize = archiveSize.value {
            booklet[.archiveHref] = .text(language.hrefToRoot(language.archivePath, from: path))
            booklet[.archiveSize] = .text(FileSizeText.text(archiveSize, theme: theme))
        }
        var sections: TemplateObject = [
            .homeHref: .text(href(SitePaths.home)),
            .projectsHref: .text(href(SitePaths.projects)),
            .newsHref: .text(href(SitePaths.news)),
            .partnersHref: .text(href(SitePaths.partners)),
            .metricsHref: .text(href(SitePaths.metrics)),
            .bookletHref: .text(href(SitePaths.booklet)),
            .feedHref: .text(href(SitePaths.feed)),
            .searchDataHref: .text(href(SitePaths.searchData)),
        ]
        // The footer links these pages only when the content has them.
        for (slug, key) in [("accessibility", TemplateKey.accessibilityHref), ("legal-notice", .legalNoticeHref)]
        where content.pages.contains(where: { $0.slug == slug }) {
            sections[key] = .text(href(SitePaths.page(slug)))
        }
        var values: TemplateObject = [
            .root: .text(sitePath ?? language.up + SitePaths.root(from: path)),
            .site: .object(site),
            .page: .object(page),
            .menu: .list(menu),
            .booklet: .object(booklet),
            .sections: .object(sections),
        ]
        if !language.choices.isEmpty { values[.switcher] = .object(switcher(path: path, sitePath: sitePath)) }
        if let source, language.untranslated.contains(source) { values[.translation] = .object(untranslatedNotice(source: source)) }
        return values
    }

    /// The same page in every language: for the language switcher and the head's alternates.
    private func switcher(path: String, sitePath: String?) -> TemplateObject {
        let root = content.config.absoluteRoot
        let languages: [TemplateValue] = language.choices.map { choice in
            // Servers show the 404 page, at the root only, for any missing path: it offers each language's home.
            let target = language.path(path == SitePaths.notFound ? SitePaths.home : path, in: choice.code)
            let href = sitePath.map { $0 + target } ?? language.hrefToRoot(target, from: path)
            return .object([.code: .text(choice.code), .name: .text(choice.name), .href: .text(href),
                            .alternateHref: .text(root.map { SitePaths.absolute(target, root: $0) } ?? href),
                            .isCurrent: .flag(choice.code == language.code)])
        }
        return [.languages: .list(languages)]
    }

    /// For a page whose words are the default language's: their `lang`, and the notice that says so.
    func untranslatedNotice(source: String) -> TemplateObject {
        let kind = source.hasPrefix("projects/") ? "project" : source.hasPrefix("news/") ? "news" : "page"
        return [.lang: .text(language.defaultCode), .notice: .text(theme.string("translation.\(kind)NotTranslated"))]
    }

    /// A page's context with its own values on top.
    func context(path: String, title: String, description: String?, ogType: String = "website",
                 imagePath: String? = nil, source: String? = nil, _ values: TemplateObject) -> TemplateObject {
        pageContext(path: path, title: title, description: description, ogType: ogType, imagePath: imagePath, source: source).merging(values)
    }

    /// A body's HTML for a site page: content links become links to the pages they turn into.
    func bodyHTML(_ body: MarkdownDocument, source: String, page: String, firstImageEager: Bool = false) -> String {
        let eagerImage = firstImageEager ? body.references.first(where: \.isImage)?.destination : nil
        return FragmentLog.note(HTMLRewriter(footnoteBackLabel: theme.string("labels.footnoteBack")) { destination, isImage in
            if let picture = mediaAction(destination, isImage: isImage, source: source, page: page, eager: destination == eagerImage) { return picture }
            switch ContentLink.resolve(destination, from: source) {
            case .external, .sameFile: return .keep
            case .content(let path, let anchor):
                guard let target = SitePaths.forContent(path) else { return .unwrap }
                let href = target.hasPrefix("media/") ? language.hrefToRoot(target, from: page) : SitePaths.relative(target, from: page)
                return .replace(href + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .unwrap
            }
        }.rewritten(body))
    }
}
