import Foundation

/// Writes each output file into the staging folder as soon as it is rendered, on whichever core
/// rendered it, and keeps of each page only what the link check needs (its ids and references).
/// So the whole site is never held in memory, and writing overlaps rendering. Nothing reaches
/// the real output folder until the link check has passed (`OutputFolder.commit`). A page's links
/// come from its templates as it renders (`RenderedLinks`); a page they cannot tell is read, and
/// if the previous build read the same bytes, its scan is taken from the `LinkScanCache`.
final class StagingWriter: @unchecked Sendable {
    let folder: URL
    /// The previous build's output, whose unchanged files are hard-linked instead of written.
    let previous: URL?
    /// Where the link scans are kept from one build to the next.
    private let scanFile: URL
    private let scans: LinkScanCache
    private let lock = NSLock()
    private var madeFolders: Set<String> = [""]
    /// Each page's links, with its digest when the page had to be read for them (only those go
    /// into the cache: the others' links come from their templates on every build).
    private var links: [String: (digest: LinkScanCache.Digest?, links: PageLinks)] = [:]
    private var paths: Set<String> = []
    private var failure: WriteFailure?

    /// A file that could not be written, by its path in the output.
    struct WriteFailure: Error {
        var path: String
        var underlying: Error
    }

    init(folder: URL, previous: URL?, cache: CacheFolder) {
        self.folder = folder
        self.previous = previous
        scanFile = cache.file(LinkScanCache.fileName)
        scans = LinkScanCache(readingFrom: scanFile)
    }

    /// Writes `file`; HTML pages are scanned for their links first. Safe from any thread.
    func add(_ file: OutputFile) {
        add(file, fragments: [])
    }

    /// A rendered page: read only when its links are not known, and then only outside its fragments.
    func add(_ page: RenderedPage) {
        add(page.file, links: page.links, fragments: page.fragments)
    }

    private func add(_ file: OutputFile, links known: PageLinks? = nil, fragments: [PageFragment]) {
        guard file.path.hasSuffix(".html") else { return store(file, links: nil) }
        if let known { return store(file, links: (nil, known)) }
        let digest = LinkScanCache.Digest(file.data)
        store(file, links: (digest, scans.links(for: digest) ?? PageFragment.links(of: file.data, madeOf: fragments)))
    }

    /// Files copied as they are (assets, media): written unless the build made a file of the
    /// same path, and not scanned.
    func addCopies(_ files: [OutputFile]) {
        for file in files where !lock.withLock({ paths.contains(file.path) }) {
            store(file, links: nil)
        }
    }

    /// Files already on disk (the image copies in the cache): hard-linked into the staging
    /// folder, copied where a link cannot be made, and not scanned.
    func addFiles(_ files: [(path: String, file: URL)]) {
        for (path, file) in files where !lock.withLock({ paths.contains(path) }) {
            do {
                try makeFolder(for: path)
                let target = folder.appendingPathComponent(path).path
                if link(file.path, target) != 0 { try FileManager.default.copyItem(atPath: file.path, toPath: target) }
            } catch {
                lock.withLock { failure = failure ?? WriteFailure(path: path, underlying: error) }
            }
            lock.withLock { _ = paths.insert(path) }
        }
    }

    private func store(_ file: OutputFile, links pageLinks: (digest: LinkScanCache.Digest?, links: PageLinks)?) {
        do {
            try makeFolder(for: file.path)
            try OutputFolder.write(file, into: folder, reusingFrom: previous)
        } catch {
            lock.withLock { failure = failure ?? WriteFailure(path: file.path, underlying: error) }
        }
        lock.withLock {
            paths.insert(file.path)
            if let pageLinks { links[file.path] = pageLinks }
        }
    }

    /// Writes the link-scan cache for the next build; safe beside the link check.
    func saveLinkScans() throws {
        let scanned = scansByPath.compactMap { page in page.scan.digest.map { (digest: $0, links: page.scan.links) } }
        try FileManager.default.createDirectory(at: scanFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try LinkScanCache.serialised(scanned).write(to: scanFile, options: .atomic)
    }

    /// Throws the first failure to write a file (a `WriteFailure`), if any.
    func finish() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// The scanned pages, sorted by path, for `LinkChecker.check(links:files:)`.
    var pages: [(path: String, links: PageLinks)] {
        scansByPath.map { ($0.path, $0.scan.links) }
    }

    /// Every page's scan, sorted by path so that the check and the cache come out the same each build.
    private var scansByPath: [(path: String, scan: (digest: LinkScanCache.Digest?, links: PageLinks))] {
        lock.withLock { links.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    var pageCount: Int { lock.withLock { links.count } }

    /// Every file written, from the output root.
    var files: Set<String> { lock.withLock { paths } }

    private func makeFolder(for path: String) throws {
        let parent = path.split(separator: "/").dropLast().joined(separator: "/")
        guard lock.withLock({ !madeFolders.contains(parent) }) else { return }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(parent), withIntermediateDirectories: true)
        lock.withLock { _ = madeFolders.insert(parent) }
    }
}
