import Yams

/// What `strings.yaml` must hold: every string Folio's own code reads and every string the
/// templates read as text must be there and be text (a list where text belongs would be published
/// as `["Skip", "to", "content"]`); a key that nothing reads is most likely a typo, so it is a
/// warning. Problems are reported at `strings.yaml`'s line and column.
enum InterfaceStrings {
    /// The strings Folio's code reads (`theme.string(…)`), by dotted path. A test keeps this list
    /// in step with the code.
    static let readByFolio: [String] = [
        "booklet.accessibilitySummary", "booklet.bookTitle", "booklet.charts", "booklet.colophon", "booklet.contents",
        "booklet.cover", "booklet.coverAlt", "booklet.figures", "booklet.funding", "booklet.identifier", "booklet.introduction",
        "booklet.landmarks", "booklet.onTheWeb", "booklet.partnerIndex", "booklet.partnerIndexIntro", "booklet.projects",
        "booklet.published", "booklet.publisher", "booklet.pdfMeta", "booklet.pdfIndexIntro", "footer.euFlag",
        "charts.call", "charts.country", "charts.funding", "charts.fundingPerSector", "charts.projects", "charts.projectsPerCall",
        "charts.projectsPerCountry", "charts.projectsPerSector", "charts.projectsPerStage", "charts.sector", "charts.stage",
        "formats.kilobytes", "formats.money", "formats.percent", "formats.thousandsSeparator",
        "labels.call", "labels.countries", "labels.footnoteBack", "labels.funding", "labels.partners", "labels.sectors", "labels.stage",
        "titles.edition", "titles.feed", "titles.metrics", "titles.news", "titles.notFound", "titles.partners", "titles.projects",
        "translation.chapterNotTranslated", "translation.newsNotTranslated", "translation.pageNotTranslated", "translation.projectNotTranslated",
    ] + Project.Stage.allCases.map { "stages.\($0.rawValue)" }
        + ["sector", "country", "call", "stage"].map { "kinds.\($0)" }
        + Metrics.Unit.allCases.map { "metrics.valueHeading.\($0.rawValue.lowercased())" }

    /// Text Folio reads when it is there and does without otherwise.
    static let optional = ["formats.date", "formats.decimalSeparator", "formats.megabytes", "titles.home", "titles.booklet", "translation.inOtherLanguage"]
    /// Families whose members are all optional text: `countries.PL` names a country (else its code
    /// is shown), `figures.…` heads figures a layout may show.
    static let optionalFamilies = ["countries", "figures"]
    /// Lists of text, with how many items they need.
    static let lists = ["months": 12]

    /// `root` is `strings.yaml` composed; `templates` the names each template (by path) reads.
    static func check(_ root: Node, file: String, templates: [(path: String, reads: [TemplateNameRead])]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func location(_ node: Node?) -> SourceLocation {
            SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        }
        var known = Set(readByFolio + optional)
        var sections = Set<String>()
        // What the templates read, each checked once, at its first use.
        var firstUse: [String: String] = [:]
        for (path, reads) in templates {
            for read in reads where read.name.hasPrefix("strings.") {
                let key = String(read.name.dropFirst("strings.".count))
                if read.isSection {
                    sections.insert(key)
                } else {
                    known.insert(key)
                    if firstUse[key] == nil { firstUse[key] = "\(path):\(read.line):\(read.column)" }
                }
            }
        }
        for key in readByFolio + firstUse.keys.sorted() {
            let usedBy = firstUse[key].map { "the layout at \($0)" } ?? "Folio"
            switch lookUp(key, in: root) {
            case .missing(let nearest):
                diagnostics.append(.error(at: location(nearest), "missing string '\(key)', which \(usedBy) needs",
                                          suggestion: nil))
            case .found(let node) where node.scalar == nil:
                diagnostics.append(.error(at: location(node), "'\(key)' must be text, not a \(node.mapping != nil ? "map" : "list"); \(usedBy) shows it"))
            default:
                break
            }
        }
        for (key, count) in lists {
            if case .found(let node) = lookUp(key, in: root) {
                let items = node.sequence.map(Array.init) ?? []
                if node.sequence == nil || items.count != count || items.contains(where: { $0.scalar == nil }) {
                    diagnostics.append(.error(at: location(node), "'\(key)' must be a list of \(count) texts"))
                }
            }
        }
        // Everything else in the file: text where text is expected, and nothing nobody reads.
        let reported = Set(readByFolio).union(firstUse.keys)
        func walk(_ node: Node, path: String) {
            guard let mapping = node.mapping else { return }
            for (keyNode, value) in mapping {
                let key = path.isEmpty ? (keyNode.string ?? "") : path + "." + (keyNode.string ?? "")
                let family = String(key.prefix { $0 != "." })
                if lists[key] != nil || reported.contains(key) || sections.contains(where: { key == $0 || key.hasPrefix($0 + ".") }) {
                    continue
                }
                if known.contains(key) || (optionalFamilies.contains(family) && key != family) {
                    if value.scalar == nil { diagnostics.append(.error(at: location(value), "'\(key)' must be text")) }
                } else if value.mapping != nil, optionalFamilies.contains(key)
                            || known.union(sections).contains(where: { $0.hasPrefix(key + ".") }) {
                    walk(value, path: key)
                } else {
                    diagnostics.append(.warning(at: location(keyNode), "unknown string '\(key)': no layout and nothing in Folio reads it",
                                                suggestion: Suggestion.closest(to: key, in: known)))
                }
            }
        }
        walk(root, path: "")
        return diagnostics
    }

    private enum LookUp {
        case found(Node)
        /// Missing; the deepest map on the way, where it belongs.
        case missing(nearest: Node)
    }

    private static func lookUp(_ key: String, in root: Node) -> LookUp {
        var node = root
        for part in key.split(separator: ".") {
            guard let mapping = node.mapping, let next = mapping[Node(String(part))] else { return .missing(nearest: node) }
            node = next
        }
        return .found(node)
    }
}
