/// The values every page's template gets (see docs/layouts.md, "Values on every page").
extension SiteRenderer {
    func pageContext(path: String, title: String, description: String?, ogType: String = "website",
                     imagePath: String? = nil) -> [String: Any] {
        let config = content.config
        var page: [String: Any] = [
            "title": title,
            "description": description ?? config.tagline ?? config.title,
            "ogType": ogType,
            "path": path,
            "isHome": path == SitePaths.home,
        ]
        // The 404 page is served in place of any missing path, at any depth: its links cannot be
        // relative to where it sits, so with a base URL they start from the site's path; without
        // one that path is unknown and they stay relative to the root. It is never indexed.
        let isNotFound = path == SitePaths.notFound
        let sitePath = isNotFound ? SitePaths.sitePath(of: config) : nil
        func href(_ target: String) -> String { (sitePath ?? "") + SitePaths.relative(target, from: path) }
        if isNotFound { page["noindex"] = true }
        if let root = config.absoluteRoot, !isNotFound {
            page["canonicalURL"] = SitePaths.absolute(path, root: root)
            if let imagePath { page["ogImageURL"] = root + imagePath }
        }
        var site: [String: Any] = ["title": config.title, "language": config.language.value, "fundingNotice": config.fundingNotice]
        site["tagline"] = config.tagline
        site["baseURL"] = config.baseURL?.value

        let menu: [[String: Any]] = config.menu.compactMap { item in
            switch ContentLink.resolve(item.link.value, from: "site.yaml") {
            case .content(let contentPath, let anchor):
                guard let target = SitePaths.forContent(contentPath) else { return nil }
                return ["title": item.title, "href": href(target) + (anchor.map { "#\($0)" } ?? ""), "isCurrent": target == path]
            case .external(let url) where MenuLink.isWebAddress(url):
                return ["title": item.title, "href": url, "isCurrent": false, "isExternal": true]
            default:
                return nil
            }
        }
        var booklet: [String: Any] = [
            "title": config.booklet.title,
            "editionHref": href(SitePaths.bookletEdition),
            "epubHref": href(SitePaths.epub(for: config)),
            "pageHref": href(SitePaths.booklet),
        ]
        if let epubSize = epubSize.value {
            booklet["epubSize"] = FileSizeText.kilobytes(epubSize, format: theme.string("formats.kilobytes"))
        }
        if let archiveSize = archiveSize.value {
            booklet["archiveHref"] = SitePaths.relative(SitePaths.siteArchive(for: config), from: path)
            booklet["archiveSize"] = megabytes(archiveSize)
        }
        var sections: [String: Any] = [
            "homeHref": href(SitePaths.home),
            "projectsHref": href(SitePaths.projects),
            "newsHref": href(SitePaths.news),
            "partnersHref": href(SitePaths.partners),
            "metricsHref": href(SitePaths.metrics),
            "bookletHref": href(SitePaths.booklet),
            "feedHref": href(SitePaths.feed),
        ]
        // The footer links these pages only when the content has them.
        for (slug, key) in [("accessibility", "accessibilityHref"), ("legal-notice", "legalNoticeHref")]
        where content.pages.contains(where: { $0.slug == slug }) {
            sections[key] = href(SitePaths.page(slug))
        }
        return [
            "root": sitePath ?? SitePaths.root(from: path),
            "strings": theme.strings,
            "site": site,
            "page": page,
            "menu": menu,
            "booklet": booklet,
            "sections": sections,
        ]
    }

    /// `2.1 MB`, or `640 kB` below one megabyte, in the theme's words and separators.
    func megabytes(_ bytes: Int) -> String {
        let (format, value) = bytes < 1_000_000 ? ("formats.kilobytes", Double(max(1, (bytes + 512) / 1024))) : ("formats.megabytes", Double(bytes) / 1_048_576)
        let number = NumberText.grouped(value, separator: theme.string("formats.thousandsSeparator"),
                                        decimalSeparator: theme.string("formats.decimalSeparator"))
        return theme.string(format).replacingOccurrences(of: "{value}", with: number)
    }

    /// A page's context with its own values on top.
    func context(path: String, title: String, description: String?, ogType: String = "website",
                 imagePath: String? = nil, _ values: [String: Any]) -> [String: Any] {
        pageContext(path: path, title: title, description: description, ogType: ogType, imagePath: imagePath)
            .merging(values) { _, new in new }
    }

    /// A body's HTML for a site page: content links become links to the pages they turn into.
    func bodyHTML(_ body: MarkdownDocument, source: String, page: String) -> String {
        FragmentLog.note(HTMLRewriter(footnoteBackLabel: theme.string("labels.footnoteBack")) { destination, _ in
            switch ContentLink.resolve(destination, from: source) {
            case .external, .sameFile: return .keep
            case .content(let path, let anchor):
                guard let target = SitePaths.forContent(path) else { return .unwrap }
                return .replace(SitePaths.relative(target, from: page) + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .unwrap
            }
        }.rewritten(body))
    }
}
