/// A file of `media/` that cannot be published is an error where content uses it (the link
/// rules report those); one that nothing uses is an error at the file itself, never left out
/// of the site without a word.
enum MediaRules {
    static func check(_ content: SiteContent) -> [Diagnostic] {
        guard !content.mediaRefusals.isEmpty else { return [] }
        let used = usedPaths(content)
        return content.mediaRefusals.filter { !used.contains($0.path) }.map { refusal in
            .error(at: SourceLocation(file: refusal.path), "'\(refusal.path)' \(refusal.reason), so it is not published")
        }
    }

    /// Every content path that a body links to or shows, and every front-matter media path.
    private static func usedPaths(_ content: SiteContent) -> Set<String> {
        var bodies = content.projects.map { ($0.body, $0.source.path) }
        bodies += content.news.map { ($0.body, $0.source.path) }
        bodies += content.pages.map { ($0.body, $0.source.path) }
        var used: Set<String> = []
        for (body, source) in bodies {
            for reference in body.references {
                if case .content(let path, _) = ContentLink.resolve(reference.destination, from: source) { used.insert(path) }
            }
        }
        let fields = content.projects.compactMap(\.image) + content.news.compactMap(\.image) + [content.config.booklet.cover].compactMap { $0 }
        for field in fields {
            used.insert(field.value.hasPrefix("./") ? String(field.value.dropFirst(2)) : field.value)
        }
        return used
    }
}
