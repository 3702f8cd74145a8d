/// Rules for `projects/<slug>.md`.
enum ProjectRules {
    static func check(_ project: Project, config: SiteConfig, targets: LinkTargets) -> [Diagnostic] {
        var diagnostics = FieldRules.summary(project.summary)
        let sectorIDs = config.sectorIDs
        if project.sectors.isEmpty {
            diagnostics.append(.error(at: project.listLocations.sectors, "'sectors' needs at least one sector id: \(sectorIDs.joined(separator: ", "))"))
        }
        for sector in project.sectors where !sectorIDs.contains(sector.value) {
            diagnostics.append(.error(at: sector.location, "unknown sector '\(Printable.short(sector.value))'; site.yaml defines \(sectorIDs.joined(separator: ", "))",
                                      suggestion: Suggestion.closest(to: sector.value, in: sectorIDs)))
        }
        diagnostics += duplicates(in: project.sectors, key: "sectors")
        if project.countries.isEmpty {
            diagnostics.append(.error(at: project.listLocations.countries, "'countries' needs at least one country code"))
        }
        for country in project.countries { diagnostics += FieldRules.country(country, key: "countries") }
        diagnostics += duplicates(in: project.countries, key: "countries")

        if project.fundingEUR.value < 0 {
            diagnostics.append(.error(at: project.fundingEUR.location, "'funding_eur' must be 0 or more"))
        }
        if let stage = project.stage, Project.Stage(rawValue: stage.value) == nil {
            let stages = Project.Stage.allCases.map(\.rawValue)
            diagnostics.append(.error(at: stage.location, "stage must be one of \(stages.joined(separator: ", ")), not '\(Printable.short(stage.value))'",
                                      suggestion: Suggestion.closest(to: stage.value, in: stages)))
        }
        if project.partners.isEmpty {
            diagnostics.append(.error(at: project.listLocations.partners, "'partners' needs at least one partner"))
        }
        for partner in project.partners {
            diagnostics += FieldRules.country(partner.country, key: "country")
            if let url = partner.url { diagnostics += FieldRules.absoluteURL(url, key: "url") }
        }
        if let website = project.website { diagnostics += FieldRules.absoluteURL(website, key: "website") }
        if let image = project.image { diagnostics += ImageRules.check(image, targets: targets) }
        diagnostics += LinkRules.check(project.body, in: project.source.path, targets: targets)
        return diagnostics
    }

    private static func duplicates(in values: [Located<String>], key: String) -> [Diagnostic] {
        var seen: Set<String> = []
        return values.compactMap { value in
            seen.insert(value.value).inserted ? nil : .error(at: value.location, "'\(value.value)' is listed twice in '\(key)'")
        }
    }
}
