/// Every name Folio's pages give their templates (docs/layouts.md, "Values on every page" and
/// "Values per template"). The page builders can only name values with these cases, so this is
/// exactly what pages provide: a template naming anything else is a mistake caught when the
/// layouts load (`{{projetc.title}}`), and a test checks that every case is provided by a builder.
/// `strings` is not among them: it is the constant interface text, resolved when templates compile.
public enum TemplateKey: Int, CaseIterable, Sendable {
    case accessibilityHref
    case acronym
    case alt
    case archiveHref
    case archiveSize
    case baseURL
    case bodyHTML
    case booklet
    case bookletHref
    case call
    case calls
    case canonicalURL
    case caption
    case cells
    case charts
    case code
    case colour
    case count
    case countries
    case country
    case coverAlt
    case coverHref
    case crossSectoralShareText
    case dataCall
    case dataCountries
    case dataCountry
    case dataSectors
    case dataStage
    case dateISO
    case dateText
    case derivedCharts
    case description
    case editionHref
    case endISO
    case endText
    case epubHref
    case epubSize
    case event
    case facets
    case featuredProjects
    case feedHref
    case figures
    case fundingNotice
    case fundingText
    case height
    case homeHref
    case href
    case html
    case id
    case identifier
    case image
    case introHTML
    case isCurrent
    case isEvent
    case isExternal
    case isHome
    case item
    case kind
    case kindName
    case label
    case labelHeading
    case language
    case latestNews
    case legalNoticeHref
    case level
    case loading
    case matrix
    case menu
    case metricsHref
    case name
    case news
    case newsHref
    case next
    case noindex
    case note
    case ogImageURL
    case ogType
    case page
    case pageHref
    case partnerCount
    case partnerIndex
    case partners
    case partnersHref
    case path
    case pdfHref
    case pdfMeta
    case place
    case previous
    case project
    case projectCount
    case projects
    case projectsHref
    case publisher
    case related
    case role
    case root
    case rows
    case sections
    case sectors
    case site
    case sizes
    case slug
    case slugID
    case src
    case srcset
    case stage
    case stages
    case startISO
    case startText
    case subtitle
    case summary
    case svg
    case table
    case tagline
    case tags
    case taxonomy
    case textColour
    case title
    case unit
    case url
    case valueHeading
    case valueText
    case webpSrcset
    case website
    case width
    case year
    case alternateHref
    case lang
    case languages
    case notice
    case switcher
    case translation
    case introTranslation
    case searchDataHref
    case strings

    public var name: String { String(describing: self) }
}

/// Page values as the builders write them: `[.title: .text(project.title), .acronym: .text(ifSet: project.acronym)]`.
/// A nil value leaves the name out.
extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue?)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    public subscript(key: TemplateKey) -> TemplateValue? {
        get { self[key.rawValue] }
        set { self[key.rawValue] = newValue }
    }
}
