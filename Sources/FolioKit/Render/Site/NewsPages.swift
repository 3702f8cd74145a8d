extension SiteRenderer {
    func newsPages() -> [PageJob] {
        let listPath = SitePaths.news
        let list = PageJob(path: listPath, template: "news-list") { [self] in
            context(path: listPath, title: theme.string("titles.news"), description: nil,
                    ["news": content.news.map { newsCard($0, from: listPath) }])
        }
        return [list] + content.news.map { item in
            let path = SitePaths.newsItem(item.slug)
            return PageJob(path: path, template: "news-item") { [self] in
                var values = newsCard(item, from: path)
                values["bodyHTML"] = bodyHTML(item.body, source: item.source.path, page: path, firstImageEager: item.image == nil)
                values["tags"] = item.tags
                values["image"] = item.image.map { leadPicture($0, title: item.title, from: path) }
                return context(path: path, title: item.title, description: item.summary.value, ogType: "article",
                               imagePath: item.image.map { sharedImagePath($0.mediaPath) }, ["item": values])
            }
        }
    }
}
