/// The language a `SiteRenderer` writes its pages in, and where the site's other languages are.
/// The default language's pages sit at the output root; every other language has the whole site
/// under its code (`es/projects/agri-sat.html`). Page builders work with paths inside their
/// language's tree; the prefix is added where files are written and where a link leaves the tree
/// (assets, media, the other languages).
public struct PageLanguage: Sendable {
    public struct Choice: Sendable {
        public var code: String
        /// In its own language: `Español`.
        public var name: String
    }

    public var code: String
    public var defaultCode: String
    /// Every language of the site, default first: empty for a site in one language.
    public var choices: [Choice]
    /// Source paths whose words this language does not have: they are shown in the default
    /// language, marked with its `lang` and a notice.
    public var untranslated: Set<String>
    /// The site archive, one for every language, named from the default language's title.
    public var archivePath: String

    /// The one language of a site that lists no `languages`.
    public init(single config: SiteConfig) {
        self.init(code: config.language.value, config: config, untranslated: [])
    }

    public init(code: String, config: SiteConfig, untranslated: Set<String>) {
        self.code = code
        self.defaultCode = config.language.value
        self.choices = config.isMultilingual ? config.languages.map { Choice(code: $0.code.value, name: $0.name) } : []
        self.untranslated = untranslated
        self.archivePath = SitePaths.siteArchive(for: config)
    }

    public var isDefault: Bool { code == defaultCode }

    /// The folder of `code`'s pages, from the output root: `""` or `"es/"`.
    public static func folder(of code: String, defaultCode: String) -> String {
        code == defaultCode ? "" : code + "/"
    }

    public var folder: String { Self.folder(of: code, defaultCode: defaultCode) }

    /// From this language's tree up to the output root, where assets and media are: `""` or `"../"`.
    public var up: String { isDefault ? "" : "../" }

    /// The output path of the page at `path` (inside a language's tree) in language `other`.
    public func path(_ path: String, in other: String) -> String {
        Self.folder(of: other, defaultCode: defaultCode) + path
    }

    /// An href from the page at `page` (inside this language's tree) to `target`, a path from the
    /// output root: a file shared by every language, or a page of another language.
    public func hrefToRoot(_ target: String, from page: String) -> String {
        up + SitePaths.relative(target, from: page)
    }
}
