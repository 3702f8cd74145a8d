/// Figures Folio derives from the projects themselves: how many and how much per sector,
/// country, call and stage, and how the sectors combine.
public struct DerivedMetrics: Sendable {
    public var sectorIDs: [String]
    public var projectsPerSector: [Int]
    public var fundingPerSector: [Double]
    /// (country code, projects), most projects first, then by code.
    public var projectsPerCountry: [(String, Int)]
    /// (call name, projects), by name.
    public var projectsPerCall: [(String, Int)]
    /// (stage id, projects), in the stages' order; projects without a stage are left out.
    public var projectsPerStage: [(String, Int)]
    public var crossSectoralShare: Double
    /// [i][j]: projects in both sector i and sector j; the diagonal counts a sector's projects.
    public var sectorMatrix: [[Int]]

    /// One pass over the projects: the metrics page is rendered beside the others, and with
    /// thousands of projects a filter per sector, country and cell made it the build's last page.
    public init(_ content: SiteContent) {
        sectorIDs = content.config.sectorIDs
        let ids = sectorIDs
        var perSector = [Int](repeating: 0, count: ids.count)
        var funding = [Double](repeating: 0, count: ids.count)
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: ids.count), count: ids.count)
        var countries: [String: Int] = [:]
        var calls: [String: Int] = [:]
        var stages: [String: Int] = [:]
        var crossSectoral = 0
        for project in content.projects {
            let sectors = project.sectorIDs
            let rows = ids.indices.filter { sectors.contains(ids[$0]) }
            for row in rows {
                perSector[row] += 1
                funding[row] += project.fundingEUR.value
                for column in rows { matrix[row][column] += 1 }
            }
            for code in project.countries { countries[code.value, default: 0] += 1 }
            calls[project.call, default: 0] += 1
            if let stage = project.stage { stages[stage.value, default: 0] += 1 }
            if project.isCrossSectoral { crossSectoral += 1 }
        }
        projectsPerSector = perSector
        fundingPerSector = funding
        projectsPerCountry = countries.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
        projectsPerCall = calls.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        projectsPerStage = Project.Stage.allCases.compactMap { stage in
            stages[stage.rawValue].map { (stage.rawValue, $0) }
        }
        crossSectoralShare = content.projects.isEmpty ? 0 : Double(crossSectoral) / Double(content.projects.count)
        sectorMatrix = matrix
    }
}
