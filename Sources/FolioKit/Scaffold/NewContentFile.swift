/// Starting points for editors (`folio new`): a file with every required key filled with an
/// example, that passes `folio check` as it is, with hints in comments.
public enum NewContentFile {
    public enum Kind: String, CaseIterable, Sendable {
        case project, news, page
        /// `folio new translation projects/agri-sat.md es`: see `NewTranslationFile`.
        case translation
    }

    /// The path (relative to the content folder) and text of a new file, or the same message
    /// the validator gives for a bad file name.
    public static func make(_ kind: Kind, slug: String, date: String, sectorIDs: [String]) -> Result<(path: String, text: String), Diagnostic> {
        if kind == .translation {
            return .failure(.error(at: SourceLocation(file: slug), "a translation is made from its source: folio new translation projects/\(slug).md es"))
        }
        let name = kind == .news ? "\(date)-\(slug)" : slug
        let section = kind == .news ? "news" : kind == .project ? "projects" : "pages"
        let path = "\(section)/\(name).md"
        if kind == .news, !DateText.isValid(date) {
            return .failure(.error(at: SourceLocation(file: path), "--date must be a real date written YYYY-MM-DD, not '\(date)'"))
        }
        if let problem = Slug.problem(with: name, section: section) {
            return .failure(.error(at: SourceLocation(file: path), problem.message, suggestion: problem.suggestion))
        }
        switch kind {
        case .project:
            let sector = sectorIDs.first ?? "sector-id"
            return .success((path, """
            ---
            # Every key is explained in docs/content-format.md.
            title: Title of the project
            acronym: ACRONYM
            summary: One or two plain sentences, at most 300 characters, shown on cards, in search and in the booklet.
            sectors: [\(sector)]        # ids from site.yaml: \(sectorIDs.joined(separator: ", "))
            countries: [ES]             # ISO 3166-1 codes, upper case
            call: Open Call 1 (2017)
            funding_eur: 0
            stage: research             # research, prototype, pilot or market
            partners:
              - {name: Name of the SME, country: ES, role: coordinator}
            tags: []
            ---
            ## Challenge

            What problem the project set out to solve, and for whom.

            ## Solution

            Which technology moved from which sector, and how it was adapted.

            ## Results

            What was achieved, with figures where there are some.

            """))
        case .news:
            return .success((path, """
            ---
            # Every key is explained in docs/content-format.md.
            title: Title of the news item
            date: \(date)
            summary: One or two plain sentences, at most 300 characters.
            tags: []
            # For an event, add: event: {start: \(date), end: \(date), place: City, Country}
            # Link to a project by its file: [the project](../projects/its-slug.md)
            ---
            The text of the news item.

            """))
        case .page, .translation:
            return .success((path, """
            ---
            title: Title of the page
            ---
            The text of the page, in Markdown.

            """))
        }
    }
}
