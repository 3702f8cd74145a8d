/// `sitemap.xml` and `robots.txt`: both need absolute URLs, so both need `base_url`.
enum Sitemap {
    /// `languages` (code and folder, default first) lists every page in each language with its
    /// alternates in the others; empty for a site in one language.
    static func render(pagePaths: [String], absoluteRoot: String, languages: [(code: String, folder: String)] = []) -> [OutputFile] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += languages.isEmpty ? ">\n" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for folder in languages.isEmpty ? [""] : languages.map(\.folder) {
            for path in pagePaths.sorted() {
                let location = SitePaths.absolute(folder + path, root: absoluteRoot)
                guard !languages.isEmpty else {
                    xml += "  <url><loc>\(XMLText.escape(location))</loc></url>\n"
                    continue
                }
                xml += "  <url><loc>\(XMLText.escape(location))</loc>\n"
                for language in languages {
                    let alternate = SitePaths.absolute(language.folder + path, root: absoluteRoot)
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(language.code))\" href=\"\(XMLText.escape(alternate))\"/>\n"
                }
                xml += "  </url>\n"
            }
        }
        xml += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\nSitemap: \(absoluteRoot)\(SitePaths.sitemap)\n"
        return [OutputFile(path: SitePaths.sitemap, text: xml), OutputFile(path: SitePaths.robots, text: robots)]
    }

    static func robotsWithoutSitemap() -> OutputFile {
        OutputFile(path: SitePaths.robots, text: "User-agent: *\nAllow: /\n")
    }
}
