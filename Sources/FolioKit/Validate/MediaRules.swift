/// Files of `media/` that are never published without a word: one that cannot be published is
/// an error where content uses it (the link rules report those) or, when nothing uses it, at the
/// file itself; one that no content uses is published for nothing (or, for photographs, not at
/// all), so the editors hear of them once, in one list.
enum MediaRules {
    /// How many names the unused-files warning lists before it counts the rest.
    static let listed = 20

    static func check(_ content: SiteContent) -> [Diagnostic] {
        guard !content.mediaRefusals.isEmpty else { return [] }
        let used = MediaReferences.all(in: content)
        return content.mediaRefusals.filter { used[$0.path] == nil }.map { refusal in
            .error(at: SourceLocation(file: refusal.path), "'\(refusal.path)' \(refusal.reason), so it is not published")
        }
    }

    static func unused(in content: SiteContent) -> [Diagnostic] {
        let used = MediaReferences.all(in: content)
        let unused = content.mediaFiles.filter { used[$0] == nil }
        guard !unused.isEmpty else { return [] }
        var names = unused.prefix(listed).joined(separator: ", ")
        if unused.count > listed { names += " and \(unused.count - listed) more" }
        let count = unused.count == 1 ? "1 file" : "\(unused.count) files"
        return [.warning(at: SourceLocation(file: "media"), "\(count) in media/ used by no page, news item, project or booklet: \(names)")]
    }
}
