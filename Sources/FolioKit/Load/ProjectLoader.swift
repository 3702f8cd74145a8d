/// Reads `projects/<slug>.md` into a `Project`.
enum ProjectLoader {
    static let keys = ["title", "acronym", "summary", "sectors", "countries", "call", "funding_eur",
                       "stage", "partners", "website", "image", "tags"]
    static let partnerKeys = ["name", "country", "url", "role"]

    static func load(_ source: SourceFile, log: DiagnosticLog, bodies: ParsedBodies? = nil) -> Project? {
        guard let file = MarkdownFile.read(source, log: log, bodies: bodies) else { return nil }
        let map = file.frontMatter
        map.rejectUnknownKeys(allowed: keys)

        let title = map.string("title", required: true)
        let summary = map.string("summary", required: true)
        let sectors = map.stringList("sectors", required: true)
        let countries = map.stringList("countries", required: true)
        let call = map.string("call", required: true)
        let funding = map.number("funding_eur", required: true)

        var partners: [Project.Partner] = []
        let partnerMaps = map.mapList("partners", required: true, itemName: "partner")
        for partner in partnerMaps ?? [] {
            partner.rejectUnknownKeys(allowed: partnerKeys)
            let name = partner.string("name", required: true)
            let country = partner.string("country", required: true)
            guard let name, let country else { continue }
            partners.append(.init(name: name.value, country: country, url: partner.string("url"), role: partner.string("role")?.value))
        }
        let tags = map.stringList("tags")?.map(\.value) ?? []

        guard let title, let summary, let sectors, let countries, let call, let funding, partnerMaps != nil else { return nil }
        return Project(
            slug: Self.slug(of: source), source: source, title: title.value,
            acronym: map.string("acronym")?.value, summary: summary, sectors: sectors, countries: countries,
            call: call.value, fundingEUR: funding, stage: map.string("stage"), partners: partners,
            website: map.string("website"), image: map.frontMatterImage("image"), tags: tags, body: file.body,
            listLocations: .init(sectors: map.valueLocation("sectors"), countries: map.valueLocation("countries"),
                                 partners: map.valueLocation("partners")),
            callLocation: call.location
        )
    }

    static func slug(of source: SourceFile) -> String {
        String(source.path.split(separator: "/").last!.dropLast(3))
    }
}
