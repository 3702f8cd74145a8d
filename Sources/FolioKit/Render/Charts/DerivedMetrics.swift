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

    public init(_ content: SiteContent) {
        let projects = content.projects
        sectorIDs = content.config.sectorIDs
        let ids = sectorIDs
        projectsPerSector = ids.map { id in projects.filter { $0.sectorIDs.contains(id) }.count }
        fundingPerSector = ids.map { id in projects.filter { $0.sectorIDs.contains(id) }.reduce(0) { $0 + $1.fundingEUR.value } }
        let countries = Dictionary(grouping: projects.flatMap(\.countryCodes), by: { $0 }).mapValues(\.count)
        projectsPerCountry = countries.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
        projectsPerCall = Dictionary(grouping: projects, by: \.call).mapValues(\.count).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        projectsPerStage = Project.Stage.allCases.compactMap { stage in
            let count = projects.filter { $0.stage?.value == stage.rawValue }.count
            return count > 0 ? (stage.rawValue, count) : nil
        }
        crossSectoralShare = projects.isEmpty ? 0 : Double(projects.filter(\.isCrossSectoral).count) / Double(projects.count)
        sectorMatrix = ids.map { a in ids.map { b in projects.filter { $0.sectorIDs.contains(a) && $0.sectorIDs.contains(b) }.count } }
    }
}
