/// The Atom feed of the news (RFC 4287).
enum AtomFeed {
    /// `folder` is the language's folder (`es/`): each language has its feed of its own words.
    static func render(_ content: SiteContent, updated: String, feedTitle: String, folder: String = "") -> OutputFile {
        let config = content.config
        let root = config.absoluteRoot
        func url(_ path: String) -> String { (root ?? "") + folder + path }
        // Without a base URL an entry still needs a permanent, unique id: a tag URI from the booklet identifier.
        func id(_ path: String) -> String { root.map { $0 + folder + path } ?? "\(config.booklet.identifier.value):\(folder)\(path)" }

        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(config.language.value))">
          <title>\(XMLText.escape(feedTitle))</title>
          <id>\(XMLText.escape(id(SitePaths.feed)))</id>
          <updated>\(updated)</updated>
          <link rel="self" href="\(XMLText.escape(url(SitePaths.feed)))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(root.map { SitePaths.absolute(folder.isEmpty ? SitePaths.home : folder, root: $0) } ?? "./"))"/>
          <author><name>\(XMLText.escape(config.booklet.publisher ?? config.title))</name></author>

        """
        for item in content.news {
            let path = SitePaths.newsItem(item.slug)
            xml += """
              <entry>
                <title>\(XMLText.escape(item.title))</title>
                <id>\(XMLText.escape(id(path)))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(url(path)))"/>
                <updated>\(item.date.value)T00:00:00Z</updated>
                <summary>\(XMLText.escape(item.summary.value))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: folder + SitePaths.feed, text: xml)
    }
}
