/// `sitemap.xml` and `robots.txt`: both need absolute URLs, so both need `base_url`.
enum Sitemap {
    static func render(pagePaths: [String], absoluteRoot: String) -> [OutputFile] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() {
            let location = SitePaths.absolute(path, root: absoluteRoot)
            xml += "  <url><loc>\(XMLText.escape(location))</loc></url>\n"
        }
        xml += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\nSitemap: \(absoluteRoot)\(SitePaths.sitemap)\n"
        return [OutputFile(path: SitePaths.sitemap, text: xml), OutputFile(path: SitePaths.robots, text: robots)]
    }

    static func robotsWithoutSitemap() -> OutputFile {
        OutputFile(path: SitePaths.robots, text: "User-agent: *\nAllow: /\n")
    }
}
