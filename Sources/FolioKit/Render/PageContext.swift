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
        if let root = config.absoluteRoot {
            page["canonicalURL"] = root + (path == SitePaths.home ? "" : path)
            if let imagePath { page["ogImageURL"] = root + imagePath }
        }
        var site: [String: Any] = ["title": config.title, "language": config.language.value, "fundingNotice": config.fundingNotice]
        site["tagline"] = config.tagline
        site["baseURL"] = config.baseURL?.value

        let menu: [[String: Any]] = config.menu.compactMap { item in
            guard case .content(let contentPath, let anchor) = ContentLink.resolve(item.link.value, from: "site.yaml"),
                  let target = SitePaths.forContent(contentPath) else { return nil }
            let href = SitePaths.relative(target, from: path) + (anchor.map { "#\($0)" } ?? "")
            return ["title": item.title, "href": href, "isCurrent": target == path]
        }
        var booklet: [String: Any] = [
            "title": config.booklet.title,
            "editionHref": SitePaths.relative(SitePaths.bookletEdition, from: path),
            "epubHref": SitePaths.relative(SitePaths.epub(for: config), from: path),
            "pageHref": SitePaths.relative(SitePaths.booklet, from: path),
        ]
        if let epubSize = epubSize.value {
            let kilobytes = max(1, (epubSize + 512) / 1024)
            booklet["epubSize"] = theme.string("formats.kilobytes").replacingOccurrences(of: "{value}", with: NumberText.format(Double(kilobytes), unit: .count))
        }
        var sections: [String: Any] = [
            "homeHref": SitePaths.relative(SitePaths.home, from: path),
            "projectsHref": SitePaths.relative(SitePaths.projects, from: path),
            "newsHref": SitePaths.relative(SitePaths.news, from: path),
            "partnersHref": SitePaths.relative(SitePaths.partners, from: path),
            "metricsHref": SitePaths.relative(SitePaths.metrics, from: path),
            "bookletHref": SitePaths.relative(SitePaths.booklet, from: path),
            "feedHref": SitePaths.relative(SitePaths.feed, from: path),
        ]
        // The footer links these pages only when the content has them.
        for (slug, key) in [("accessibility", "accessibilityHref"), ("legal-notice", "legalNoticeHref")]
        where content.pages.contains(where: { $0.slug == slug }) {
            sections[key] = SitePaths.relative(SitePaths.page(slug), from: path)
        }
        return [
            "root": SitePaths.root(from: path),
            "strings": theme.strings,
            "site": site,
            "page": page,
            "menu": menu,
            "booklet": booklet,
            "sections": sections,
        ]
    }

    /// A page's context with its own values on top.
    func context(path: String, title: String, description: String?, ogType: String = "website",
                 imagePath: String? = nil, _ values: [String: Any]) -> [String: Any] {
        pageContext(path: path, title: title, description: description, ogType: ogType, imagePath: imagePath)
            .merging(values) { _, new in new }
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
                return .replace(SitePaths.relative(target, from: page) + (anchor.map { "#\($0)" } ?? ""))
            case .outside, .unsupported: return .unwrap
            }
        }.rewritten(body))
    }
}
