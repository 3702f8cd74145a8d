import Foundation

extension Pipeline {
    /// The archive stage (`--archive`, `booklet.offer_archive`), once every file is staged and
    /// before the link check: zips the staged site. When the booklet page offers it, the ZIP joins
    /// the site and the booklet page is rendered again with its link and size. The booklet page
    /// inside the ZIP is the one without the offer: a ZIP cannot hold itself, nor state its own
    /// size, and a link to it would be broken in the unpacked copy.
    static func packSite(_ content: SiteContent, rendered: RenderedSite, writer: StagingWriter, timestamp: String) throws -> Data {
        let path = SitePaths.siteArchive(for: content.config)
        let top = String(path.split(separator: "/").last?.dropLast(".zip".count) ?? "site")
        let zip = try SiteArchive.zip(folder: writer.folder, top: top, timestamp: timestamp)
        guard content.config.booklet.offerArchive else { return zip }
        // Every language's booklet page offers the one archive.
        for (site, page) in [(rendered.site, rendered.bookletPage)] + rendered.otherLanguages {
            guard let page else { continue }
            site.archiveSize.value = zip.count
            // The staged page may be a hard link to the previous output's file: unlink it, never
            // write through it.
            try FileManager.default.removeItem(at: writer.folder.appendingPathComponent(site.language.folder + page.path))
            site.render([page], deliver: writer.add(_:))
        }
        writer.add(OutputFile(path: path, data: zip))
        return zip
    }
}
