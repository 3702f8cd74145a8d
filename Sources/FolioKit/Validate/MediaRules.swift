import Foundation

/// Files in `media/` that no content uses: published for nothing (or, for photographs, not at
/// all), so the editors hear of them once, in one list.
enum MediaRules {
    /// How many names the warning lists before it counts the rest.
    static let listed = 20

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
