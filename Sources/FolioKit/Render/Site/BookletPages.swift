/// The booklet's download page on the site.
extension SiteRenderer {
    func bookletPages() -> [PageJob] {
        let path = SitePaths.booklet
        return [PageJob(path: path, template: "booklet", showsEPUBSize: true) { [self] in
            var values: TemplateObject = [.projectCount: .number(content.projects.count)]
            if let intro = content.pages.first(where: { $0.slug == "booklet" }) {
                values[.introHTML] = .text(bodyHTML(intro.body, source: intro.source.path, page: path, firstImageEager: true))
            }
            let intro = content.pages.first { $0.slug == "booklet" }?.source.path
            return context(path: path, title: content.config.booklet.title, description: content.config.booklet.subtitle, source: intro, values)
        }]
    }
}
