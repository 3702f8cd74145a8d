/// Every place a content link may point at: content files with their heading anchors, the
/// section folders, and media files.
struct LinkTargets: Sendable {
    /// Content path → anchor ids in it.
    private var documents: [String: Set<String>] = [:]
    private var media: Set<String>
    /// Media that exist but cannot be published, with why.
    private var refused: [String: String]
    static let folders: Set<String> = ["projects/", "news/"]

    init(_ content: SiteContent) {
        media = Set(content.mediaFiles)
        refused = Dictionary(content.mediaRefusals.map { ($0.path, $0.reason) }) { first, _ in first }
        for project in content.projects { documents[project.source.path] = project.body.anchorIDs }
        for item in content.news { documents[item.source.path] = item.body.anchorIDs }
        for page in content.pages { documents[page.source.path] = page.body.anchorIDs }
    }

    var allPaths: [String] { Array(documents.keys) + Array(media) + Array(Self.folders) }

    func anchors(of path: String) -> Set<String>? { documents[path] }

    func isMedia(_ path: String) -> Bool { media.contains(path) }

    /// Why the media file at `path` exists but cannot be published, as a message at its use.
    func refusal(of path: String) -> String? {
        refused[path].map { "'\(path)' \($0), so it cannot be published" }
    }

    /// Nil when `link` points at something that exists; otherwise the message and a hint.
    func problem(with link: ContentLink, writtenAs destination: String, in sourcePath: String) -> (String, String?)? {
        switch link {
        case .external:
            return nil
        case .unsupported(let scheme):
            return ("links with '\(Printable.short(scheme)):' are not published; use an http(s) address or a content path", nil)
        case .outside:
            return ("'\(Printable.short(destination))' points outside the content folder; link to content by its path relative to this file, such as '../projects/x.md'", nil)
        case .sameFile(let anchor):
            guard let anchors = documents[sourcePath], !anchor.isEmpty, !anchors.contains(anchor) else { return nil }
            return ("no heading with anchor '#\(anchor)' in this file", Suggestion.closest(to: anchor, in: anchors).map { "#\($0)" })
        case .content(let path, let anchor):
            if let refusal = refusal(of: path) { return (refusal, nil) }
            if Self.folders.contains(path) || media.contains(path) {
                return anchor == nil ? nil : ("'\(path)' has no anchors", nil)
            }
            guard let anchors = documents[path] else {
                let hint = Suggestion.closest(to: path, in: allPaths).map { relative($0, from: sourcePath) }
                return ("'\(Printable.short(destination))' does not exist in the content folder", hint)
            }
            if let anchor, !anchor.isEmpty, !anchors.contains(anchor) {
                return ("'\(path)' has no heading with anchor '#\(anchor)'", Suggestion.closest(to: anchor, in: anchors).map { "#\($0)" })
            }
            return nil
        }
    }

    /// `target` written relative to the folder of `sourcePath`, as an editor would write it.
    func relative(_ target: String, from sourcePath: String) -> String {
        let folder = sourcePath.split(separator: "/").dropLast()
        let parts = target.split(separator: "/")
        var common = 0
        while common < folder.count, common < parts.count - 1, folder[folder.startIndex + common] == parts[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + parts[common...].map(String.init)).joined(separator: "/") + (target.hasSuffix("/") ? "/" : "")
    }
}
