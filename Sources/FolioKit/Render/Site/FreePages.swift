/// Pages from `pages/`; `home` and `booklet` introduce the home and booklet pages instead.
extension SiteRenderer {
    func freePages() -> [PageJob] {
        content.pages.filter { $0.slug != "home" && $0.slug != "booklet" }.map { page in
            let path = SitePaths.page(page.slug)
            return PageJob(path: path, template: "page") { [self] in
                context(path: path, title: page.title, description: nil, source: page.source.path,
                        [.bodyHTML: .text(bodyHTML(page.body, source: page.source.path, page: path, firstImageEager: true))])
            }
        }
    }

    func notFoundPages() -> [PageJob] {
        [PageJob(path: SitePaths.notFound, template: "404") { [self] in
            context(path: SitePaths.notFound, title: theme.string("titles.notFound"), description: nil, TemplateObject())
        }]
    }
}
