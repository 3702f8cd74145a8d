/// Every place content points at a file of `media/`: front-matter images, the booklet cover,
/// and the links and images of every body. Images decide which originals get derivatives;
/// the whole list decides which files of `media/` are unused.
enum MediaReferences {
    /// Media path → where it is used, in file order.
    static func all(in content: SiteContent) -> [String: [SourceLocation]] {
        var uses: [String: [SourceLocation]] = [:]
        func note(_ written: Located<String>) {
            let path = written.value.hasPrefix("./") ? String(written.value.dropFirst(2)) : written.value
            if path.hasPrefix("media/") { uses[path, default: []].append(written.location) }
        }
        if let cover = content.config.booklet.cover { note(cover) }
        for item in content.config.menu { note(item.link) }
        for project in content.projects { project.image.map { note($0.src) } }
        for item in content.news { item.image.map { note($0.src) } }
        let bodies = content.projects.map { ($0.body, $0.source.path) } + content.news.map { ($0.body, $0.source.path) }
            + content.pages.map { ($0.body, $0.source.path) }
        for (body, source) in bodies {
            for reference in body.references {
                if case .content(let path, _) = ContentLink.resolve(reference.destination, from: source), path.hasPrefix("media/") {
                    uses[path, default: []].append(reference.location)
                }
            }
        }
        return uses
    }

    /// The raster originals in use (they exist in `media/`), in path order, with where each is used.
    static func rasterImages(in content: SiteContent) -> [(original: MediaFile, uses: [SourceLocation])] {
        let uses = all(in: content)
        return content.media.filter { $0.kind == .raster }.compactMap { media in uses[media.path].map { (media, $0) } }
    }
}
