/// One funded project: `projects/<slug>.md`.
public struct Project: Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        case research, prototype, pilot, market
    }

    public struct Partner: Sendable {
        public var name: String
        public var country: Located<String>
        public var url: Located<String>?
        public var role: String?
    }

    public var slug: String
    public var title: String
    public var acronym: String?
    public var summary: Located<String>
    public var sectors: [Located<String>]
    public var countries: [Located<String>]
    public var call: String
    public var stage: Located<String>?
    public var partners: [Partner]
    public var tags: [String]
    public var body: MarkdownDocument
    /// The larger fields, out of line: a project is copied into every list the site is browsed
    /// by (sector, country, call, stage, partner), and this keeps each copy a third of the size.
    private var details: Details

    public init(slug: String, source: SourceFile, title: String, acronym: String?, summary: Located<String>,
                sectors: [Located<String>], countries: [Located<String>], call: String, fundingEUR: Located<Double>,
                stage: Located<String>?, partners: [Partner], website: Located<String>?, image: FrontMatterImage?,
                tags: [String], body: MarkdownDocument, listLocations: ListLocations, callLocation: SourceLocation? = nil) {
        self.slug = slug
        self.title = title
        self.acronym = acronym
        self.summary = summary
        self.sectors = sectors
        self.countries = countries
        self.call = call
        self.stage = stage
        self.partners = partners
        self.tags = tags
        self.body = body
        details = Details(source: source, fundingEUR: fundingEUR, website: website, image: image,
                          listLocations: listLocations, callLocation: callLocation)
    }

    public var source: SourceFile {
        get { details.source }
        set { writableDetails().source = newValue }
    }

    public var fundingEUR: Located<Double> {
        get { details.fundingEUR }
        set { writableDetails().fundingEUR = newValue }
    }

    public var website: Located<String>? {
        get { details.website }
        set { writableDetails().website = newValue }
    }

    public var image: FrontMatterImage? {
        get { details.image }
        set { writableDetails().image = newValue }
    }

    /// Where the lists start, for rules about a list as a whole (`at least one`).
    public var listLocations: ListLocations {
        get { details.listLocations }
        set { writableDetails().listLocations = newValue }
    }

    /// Where `call` is written: the call's page is made from it.
    public var callLocation: SourceLocation? {
        get { details.callLocation }
        set { writableDetails().callLocation = newValue }
    }

    /// Shared by copies until one of them changes (copy on write): no copy is ever changed
    /// through another, which is what makes it safe to send.
    private final class Details: @unchecked Sendable {
        var source: SourceFile
        var fundingEUR: Located<Double>
        var website: Located<String>?
        var image: FrontMatterImage?
        var listLocations: ListLocations
        var callLocation: SourceLocation?

        init(source: SourceFile, fundingEUR: Located<Double>, website: Located<String>?, image: FrontMatterImage?,
             listLocations: ListLocations, callLocation: SourceLocation?) {
            self.source = source
            self.fundingEUR = fundingEUR
            self.website = website
            self.image = image
            self.listLocations = listLocations
            self.callLocation = callLocation
        }

        func copy() -> Details {
            Details(source: source, fundingEUR: fundingEUR, website: website, image: image, listLocations: listLocations, callLocation: callLocation)
        }
    }

    private mutating func writableDetails() -> Details {
        if !isKnownUniquelyReferenced(&details) { details = details.copy() }
        return details
    }

    public struct ListLocations: Sendable {
        public var sectors: SourceLocation
        public var countries: SourceLocation
        public var partners: SourceLocation
    }

    public var sectorIDs: [String] { sectors.map(\.value) }
    public var countryCodes: [String] { countries.map(\.value) }
    public var isCrossSectoral: Bool { Set(sectorIDs).count >= 2 }
}
