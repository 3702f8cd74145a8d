import Foundation

/// Everything loaded from a content folder: the typed model every later stage works from.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Sorted by slug.
    public var projects: [Project]
    /// Sorted by date, newest first, then slug.
    public var news: [NewsItem]
    /// Sorted by slug.
    public var pages: [Page]
    public var metrics: Metrics
    /// Translation files (`projects/agri-sat.es.md`), in path order; empty for a site in one language.
    public var translations: [Translation] = []
    /// Every Markdown file read, loaded or not: a translation's source may exist yet fail to load.
    public var markdownPaths: Set<String> = []
    /// Every file of `media/` that is published, sorted by path (see `MediaFolder`).
    public var media: [MediaFile]
    /// Files of `media/` that exist but cannot be published: errors where they are used.
    public var mediaRefusals: [MediaFile.Refusal] = []
    /// The content folder on disk, where the media files are read from when they are packaged.
    public var folder: URL

    /// Paths of every published file under `media/`, from the content folder, sorted.
    public var mediaFiles: [String] { media.map(\.path) }
}
