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
    public var source: SourceFile
    public var title: String
    public var acronym: String?
    public var summary: Located<String>
    public var sectors: [Located<String>]
    public var countries: [Located<String>]
    public var call: String
    public var fundingEUR: Located<Double>
    public var stage: Located<String>?
    public var partners: [Partner]
    public var website: Located<String>?
    public var image: FrontMatterImage?
    public var tags: [String]
    public var body: MarkdownDocument
    /// Where the lists start, for rules about a list as a whole (`at least one`).
    public var listLocations: ListLocations
    /// Where `call` is written: the call's page is made from it.
    public var callLocation: SourceLocation? = nil

    public struct ListLocations: Sendable {
        public var sectors: SourceLocation
        public var countries: SourceLocation
        public var partners: SourceLocation
    }

    public var sectorIDs: [String] { sectors.map(\.value) }
    public var countryCodes: [String] { countries.map(\.value) }
    public var isCrossSectoral: Bool { Set(sectorIDs).count >= 2 }
}
