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
    /// Paths of every file under `media/`, relative to the content folder, sorted.
    public var mediaFiles: [String]
    /// The content folder on disk, where the media files are read from when they are packaged.
    public var folder: URL
}
