/// `site.yaml`: the settings that apply to the whole site and booklet. Values that later rules
/// check keep their source position.
public struct SiteConfig: Sendable {
    public struct Sector: Sendable {
        public var id: Located<String>
        public var name: String
        /// `#rrggbb`
        public var colour: Located<String>
    }

    public struct Booklet: Sendable {
        public var title: String
        public var subtitle: String?
        public var publisher: String?
        /// `urn:uuid:…` or an ISBN.
        public var identifier: Located<String>
        /// YYYY-MM-DD
        public var date: Located<String>
        /// A content path under `media/`.
        public var cover: Located<String>?
        /// `offer_archive`: the booklet page offers the whole site as a ZIP (`SiteArchive`).
        public var offerArchive = false
        /// The PDF's paper size as written (`a4` or `a5`); nil means A4.
        public var paper: Located<String>? = nil
        /// `pdf: false` turns the PDF edition off; written as text, checked by the rules.
        public var pdf: Located<String>? = nil

        public var makesPDF: Bool { pdf?.value.lowercased() != "false" }
        public var paperSize: String { paper?.value.lowercased() ?? "a4" }
    }

    public struct MenuItem: Sendable {
        public var title: String
        /// A content path such as `pages/about.md` or `projects/`.
        public var link: Located<String>
    }

    public var title: String
    public var tagline: String?
    public var language: Located<String>
    public var baseURL: Located<String>?
    public var fundingNotice: String
    /// In the order of `site.yaml`.
    public var sectors: [Sector]
    public var booklet: Booklet
    public var menu: [MenuItem]
    /// `languages`, the default first; empty for a site in one language.
    public var languages: [SiteLanguage] = []
    /// The texts above in every language `site.yaml` gives (see `reading(in:)`).
    public var texts = SiteTexts()

    public var sectorIDs: [String] { sectors.map(\.id.value) }

    public func sector(_ id: String) -> Sector? { sectors.first { $0.id.value == id } }

    /// `base_url` with exactly one trailing slash, ready for appending page paths.
    public var absoluteRoot: String? {
        guard var url = baseURL?.value else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}
