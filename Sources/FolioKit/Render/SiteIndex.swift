/// The groupings the site is browsed by, derived once from the content: projects per sector,
/// country, call and stage, and the partner directory.
public struct SiteIndex: Sendable {
    public struct Call: Sendable {
        public var name: String
        public var slug: String
        public var projects: [Project]
    }

    public struct Partner: Sendable {
        public var name: String
        public var country: String
        public var url: String?
        /// Unique, for anchors: `name-country`.
        public var id: String
        public var sectorIDs: [String]
        public var projects: [Project]
    }

    /// All projects by title (then slug), the order of every list of cards.
    public var projects: [Project]
    public var bySector: [String: [Project]]
    /// Each project's place in its sectors' lists (sector → slug → index), so that finding a
    /// project's neighbours does not search the list.
    public var sectorPositions: [String: [String: Int]]
    public var byCountry: [String: [Project]]
    /// Sorted by name.
    public var calls: [Call]
    public var byStage: [String: [Project]]
    /// Countries that appear, sorted by code.
    public var countries: [String]
    /// Sorted by name, then country.
    public var partners: [Partner]

    public init(_ content: SiteContent) {
        // Each title lowered once, not at every comparison of the sort.
        let projects = content.projects.map { (key: $0.title.lowercased(), project: $0) }
            .sorted { ($0.key, $0.project.slug) < ($1.key, $1.project.slug) }.map(\.project)
        self.projects = projects
        bySector = Dictionary(grouping: projects.flatMap { p in p.sectorIDs.map { ($0, p) } }, by: \.0).mapValues { $0.map(\.1) }
        sectorPositions = bySector.mapValues { list in
            Dictionary(list.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        }
        byCountry = Dictionary(grouping: projects.flatMap { p in p.countryCodes.map { ($0, p) } }, by: \.0).mapValues { $0.map(\.1) }
        byStage = Dictionary(grouping: projects.compactMap { p in p.stage.map { ($0.value, p) } }, by: \.0).mapValues { $0.map(\.1) }
        countries = byCountry.keys.sorted()

        var usedSlugs: Set<String> = []
        calls = Dictionary(grouping: projects, by: \.call).keys.sorted().map { name in
            var slug = FileName.bounded(Slug.suggest(for: name) ?? "call")
            let base = slug
            var n = 2
            while !usedSlugs.insert(slug).inserted { slug = "\(base)-\(n)"; n += 1 }
            return Call(name: name, slug: slug, projects: projects.filter { $0.call == name })
        }

        var partnerProjects: [String: (name: String, country: String, url: String?, projects: [Project])] = [:]
        for project in projects {
            for partner in project.partners {
                let key = partner.name.lowercased() + "|" + partner.country.value
                var entry = partnerProjects[key] ?? (partner.name, partner.country.value, nil, [])
                entry.url = entry.url ?? partner.url?.value
                if !entry.projects.contains(where: { $0.slug == project.slug }) { entry.projects.append(project) }
                partnerProjects[key] = entry
            }
        }
        var usedIDs: Set<String> = []
        let sectorOrder = content.config.sectorIDs
        partners = partnerProjects.keys.sorted().compactMap { key in
            guard let entry = partnerProjects[key] else { return nil }
            let sectors = Set(entry.projects.flatMap(\.sectorIDs))
            var id = FileName.bounded(Slug.suggest(for: "\(entry.name) \(entry.country)") ?? "partner")
            let base = id
            var n = 2
            while !usedIDs.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return Partner(name: entry.name, country: entry.country, url: entry.url, id: id,
                           sectorIDs: sectorOrder.filter(sectors.contains), projects: entry.projects)
        }
    }

    public func call(named name: String) -> Call? { calls.first { $0.name == name } }
}
