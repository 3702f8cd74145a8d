/// A content file published at a path Folio writes itself (`projects/index.md` over the project
/// list) would silently replace that page: an error at the file. The reserved paths are
/// `SitePaths.fixed`, so a page added there is protected here without a second list.
enum ReservedPaths {
    static func check(_ content: SiteContent) -> [Diagnostic] {
        let sources = content.projects.map(\.source) + content.news.map(\.source) + content.pages.map(\.source)
        return sources.compactMap { source in
            guard let output = SitePaths.forContent(source.path), SitePaths.fixed.contains(output),
                  !isIntroduction(source.path, output: output) else { return nil }
            return .error(at: source.location(line: 1),
                          "'\(source.path)' would be published as \(output), a page Folio makes itself; rename the file")
        }
    }

    /// `pages/home.md` and `pages/booklet.md` are meant to land on their page: as its introduction.
    private static func isIntroduction(_ path: String, output: String) -> Bool {
        guard path.hasPrefix("pages/"), path.hasSuffix(".md") else { return false }
        return SitePaths.introductions[String(path.dropFirst("pages/".count).dropLast(3))] == output
    }
}
