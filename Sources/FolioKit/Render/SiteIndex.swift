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
        // Each title lowered once, not at every comparison of the sort; the order is sorted
        // rather than the projects, which are large to move and copy (the preview makes this
        // index again after every save).
        let keys = content.projects.map { $0.title.lowercased() }
        let projects = content.projects.indices
            .sorted { (keys[$0], content.projects[$0].slug) < (keys[$1], content.projects[$1].slug) }
            .map { content.projects[$0] }
        self.projects = projects
        // Every list is filled in project order, each project copied once into it.
        var bySector: [String: [Project]] = [:], byCountry: [String: [Project]] = [:]
        var byStage: [String: [Project]] = [:], byCall: [String: [Project]] = [:]
        for project in projects {
            for sector in project.sectors { bySector[sector.value, default: []].append(project) }
            for country in project.countries { byCountry[country.value, default: []].append(project) }
            if let stage = project.stage { byStage[stage.value, default: []].append(project) }
            byCall[project.call, default: []].append(project)
        }
        self.bySector = bySector
        self.byCountry = byCountry
        self.byStage = byStage
        sectorPositions = bySector.mapValues { list in
            Dictionary(list.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        }
        countries = byCountry.keys.sorted()

        var usedSlugs: Set<String> = []
        calls = byCall.keys.sorted().map { name in
            var slug = FileName.bounded(Slug.suggest(for: name) ?? "call")
            let base = slug
            var n = 2
            while !usedSlugs.insert(slug).inserted { slug = "\(base)-\(n)"; n += 1 }
            return Call(name: name, slug: slug, projects: byCall[name] ?? [])
        }

        var partnerProjects: [String: (name: String, country: String, url: String?, projects: [Project])] = [:]
        for project in projects {
            for partner in project.partners {
                let key = partner.name.lowercased() + "|" + partner.country.value
                // Changed in place: a copy taken out and put back copied the whole list each time.
                Self.add(project, of: partner, to: &partnerProjects[key, default: (partner.name, partner.country.value, nil, [])])
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

    private static func add(_ project: Project, of partner: Project.Partner,
                            to entry: inout (name: String, country: String, url: String?, projects: [Project])) {
        entry.url = entry.url ?? partner.url?.value
        if !entry.projects.contains(where: { $0.slug == project.slug }) { entry.projects.append(project) }
    }
}
