import Foundation

/// Where each thing is written in the output, as paths from the output root. Every link is made
/// from these, relative to the page it appears on, so the site works under any sub-path and from
/// `file://`.
public enum SitePaths {
    public static let home = "index.html"
    public static let projects = "projects/index.html"
    public static let news = "news/index.html"
    public static let partners = "partners/index.html"
    public static let metrics = "metrics/index.html"
    public static let booklet = "booklet/index.html"
    public static let bookletEdition = "booklet/edition.html"
    public static let notFound = "404.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let searchData = "assets/search-data.js"

    /// Every file written at a fixed path: no content file may be published over one.
    public static let fixed: Set<String> = [home, projects, news, partners, metrics, booklet, bookletEdition, notFound, feed, sitemap, robots, searchData]

    /// Free pages whose text is the introduction of a page Folio makes, not a page of their own.
    public static let introductions: [String: String] = ["home": home, "booklet": booklet]

    // Names from the content are bounded (`FileName`): a page's file name is never too long to write.
    public static func project(_ slug: String) -> String { "projects/\(FileName.bounded(slug)).html" }
    public static func newsItem(_ slug: String) -> String { "news/\(FileName.bounded(slug)).html" }
    public static func sector(_ id: String) -> String { "sectors/\(FileName.bounded(id)).html" }
    public static func country(_ code: String) -> String { "countries/\(code.lowercased()).html" }
    public static func call(_ slug: String) -> String { "calls/\(FileName.bounded(slug)).html" }
    public static func stage(_ id: String) -> String { "stages/\(id).html" }

    /// Free pages; `home` and `booklet` are the introductions of the home and booklet pages.
    public static func page(_ slug: String) -> String {
        introductions[slug] ?? "pages/\(FileName.bounded(slug)).html"
    }

    public static func epub(for config: SiteConfig) -> String {
        "booklet/\(FileName.bounded(Slug.suggest(for: config.booklet.title) ?? "booklet")).epub"
    }

    /// The whole site as a ZIP, when the booklet page offers it; also the name of the folder it
    /// unpacks into.
    public static func siteArchive(for config: SiteConfig) -> String {
        "booklet/\(Slug.suggest(for: config.title) ?? "site")-website.zip"
    }

    /// The booklet's PDF edition, beside the EPUB.
    public static func pdf(for config: SiteConfig) -> String {
        "booklet/\(Slug.suggest(for: config.booklet.title) ?? "booklet").pdf"
    }

    /// The output file a content path becomes: `projects/a.md` → `projects/a.html`,
    /// `projects/` → `projects/index.html`, media as they are.
    public static func forContent(_ path: String) -> String? {
        if path == "projects/" { return projects }
        if path == "news/" { return news }
        if path.hasPrefix("media/") { return path }
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".md") else { return nil }
        let slug = String(parts[1].dropLast(3))
        switch parts[0] {
        case "projects": return project(slug)
        case "news": return newsItem(slug)
        case "pages": return page(slug)
        default: return nil
        }
    }

    /// The public URL of the page at `path` under the site's absolute root: the home page is the
    /// directory itself (`https://x.eu/sub/`), as canonical links, sitemap and feed all give it.
    public static func absolute(_ path: String, root: String) -> String {
        root + (path == home ? "" : path)
    }

    /// The path the site is published under (`base_url: https://x.eu/sub/` → `/sub/`), if known.
    public static func sitePath(of config: SiteConfig) -> String? {
        guard let root = config.absoluteRoot, let path = URLComponents(string: root)?.percentEncodedPath else { return nil }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// `target` (from the root) as an href from the page at `page` (from the root).
    public static func relative(_ target: String, from page: String) -> String {
        let depth = depth(of: page)
        // Nearly every path is slugs and dots; percent-encoding only the rest keeps this cheap.
        let isPlain = target.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E || byte == 0x2F || byte == 0x5F || byte == 0x23
        }
        let encoded = isPlain ? target : target.addingPercentEncoding(withAllowedCharacters: hrefAllowed) ?? target
        return String(repeating: "../", count: depth) + encoded
    }

    /// The prefix from `page` to the root: `""` or `"../"`.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: depth(of: page))
    }

    /// How many folders down a page sits: relative links from two pages of one depth are equal.
    public static func depth(of page: String) -> Int {
        // Its non-empty parts, less one, counted on the bytes: every link of every page asks.
        var parts = 0
        var inPart = false
        for byte in page.utf8 {
            if byte == UInt8(ascii: "/") { inPart = false } else if !inPart { inPart = true; parts += 1 }
        }
        return parts - 1
    }

    private static let hrefAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.insert(charactersIn: "#")
        set.remove(charactersIn: ";?")
        return set
    }()
}
