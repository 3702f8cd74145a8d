extension SiteRenderer {
    func newsPages() -> [PageJob] {
        let listPath = SitePaths.news
        let list = PageJob(path: listPath, template: "news-list") { [self] in
            context(path: listPath, title: theme.string("titles.news"), description: nil,
                    [.news: .list(content.news.map { .object(newsCard($0, from: listPath)) })])
        }
        return [list] + content.news.map { item in
            let path = SitePaths.newsItem(item.slug)
            return PageJob(path: path, template: "news-item") { [self] in
                var values = newsCard(item, from: path)
                values[.bodyHTML] = .text(bodyHTML(item.body, source: item.source.path, page: path, firstImageEager: item.image == nil))
                values[.tags] = .list(item.tags.map(TemplateValue.text))
                values[.image] = item.image.map { .object(leadPicture($0, title: item.title, from: path)) }
                return context(path: path, title: item.title, description: item.summary.value, ogType: "article",
                               imagePath: item.image.map { sharedImagePath($0.mediaPath) }, source: item.source.path, [.item: .object(values)])
            }
        }
    }
}
