import Foundation

/// Where a build keeps what the next build may reuse (link scans, image derivatives): a hidden
/// folder beside the output folder, never inside it, so that publishing the output can never
/// publish a cache. `Output/` → `.folio-cache/Output/`.
public struct CacheFolder: Sendable {
    public let root: URL

    public init(output: URL) {
        let target = output.standardizedFileURL
        root = target.deletingLastPathComponent()
            .appendingPathComponent(".folio-cache")
            .appendingPathComponent(target.lastPathComponent)
    }

    /// A subfolder for one kind of cache (`images`, …); created on demand by its user.
    public func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// A file directly in the cache root (`link-scans`, …).
    public func file(_ name: String) -> URL { root.appendingPathComponent(name) }
}
