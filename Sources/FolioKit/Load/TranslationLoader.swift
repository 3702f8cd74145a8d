/// Reads a translation file (`projects/agri-sat.es.md`). It may carry words only; a fact key is
/// an error at its line, since a translation must never change what the source says happened.
enum TranslationLoader {
    /// The keys a translation may carry, per section of its source.
    static func wordKeys(_ section: Translation.Section) -> [String] {
        switch section {
        case .projects: ["title", "acronym", "summary"]
        case .news: ["title", "summary", "event"]
        case .pages: ["title"]
        }
    }

    /// Every key the source file may carry: those not in `wordKeys` are facts.
    static func sourceKeys(_ section: Translation.Section) -> [String] {
        switch section {
        case .projects: ProjectLoader.keys
        case .news: NewsLoader.keys
        case .pages: PageLoader.keys
        }
    }

    static func load(_ source: SourceFile, log: DiagnosticLog, bodies: ParsedBodies? = nil) -> Translation? {
        guard let name = TranslationName(path: source.path), let file = MarkdownFile.read(source, log: log, bodies: bodies) else { return nil }
        let map = file.frontMatter
        let words = wordKeys(name.section)
        let sourcePath = "\(name.section.rawValue)/\(name.slug).md"
        for (keyNode, _) in map.mapping {
            let key = keyNode.string ?? ""
            guard !words.contains(key) else { continue }
            if sourceKeys(name.section).contains(key) {
                log.error(at: map.location(of: keyNode), "'\(key)' is a fact and comes from the source file \(sourcePath): a translation carries only \(words.joined(separator: ", ")) and the body")
            } else {
                log.error(at: map.location(of: keyNode), "unknown key '\(Printable.short(key))' in a translation", suggestion: Suggestion.closest(to: key, in: words))
            }
        }
        var place: String?
        if let event = map.map("event") {
            for (keyNode, _) in event.mapping where keyNode.string != "place" {
                let key = keyNode.string ?? ""
                if NewsLoader.eventKeys.contains(key) {
                    log.error(at: event.location(of: keyNode), "'event.\(key)' is a fact and comes from the source file \(sourcePath): a translation of an event carries only its place")
                } else {
                    log.error(at: event.location(of: keyNode), "unknown key 'event.\(Printable.short(key))' in a translation", suggestion: "place")
                }
            }
            place = event.string("place")?.value
        }
        let isEmptyBody = file.body.tree.isBlank
        return Translation(
            section: name.section, slug: name.slug,
            language: Located(name.code, at: source.location(line: 1)), source: source,
            title: map.string("title")?.value, acronym: map.string("acronym")?.value, summary: map.string("summary"),
            place: place, body: isEmptyBody ? nil : file.body
        )
    }
}
