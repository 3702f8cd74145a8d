import Foundation

/// The image stage, between validate and render: for every raster original that content uses,
/// the copies the outputs need (see `ImageSettings`), turned by their orientation tag, in sRGB
/// and without any metadata. Copies come from the cache when the original's bytes and the
/// settings are unchanged; the rest are made on all cores. A problem with an original is an
/// error at every content line that uses it.
public enum ImageStage {
    /// How much image work a build did: a rebuild with unchanged images makes none.
    public struct Work: Sendable {
        public var made = 0
        public var reused = 0
    }

    public struct Result: Sendable {
        public var images: ImageSet
        public var diagnostics: [Diagnostic]
        public var work: Work
    }

    public static func run(_ content: SiteContent, cache cacheFolder: CacheFolder) -> Result {
        let inUse = MediaReferences.rasterImages(in: content)
        let originals = inUse.map(\.original.path)
        let names = DerivativeNames(originals: originals)
        let cache = DerivativeCache(cacheFolder)
        let known = OriginalDigests(readingFrom: cache)
        // Read where the load stage found each file: its name on disk may be spelt in NFD.
        let outcomes = inUse.concurrentMap { original, uses in
            Original(path: original.path, file: original.source, uses: uses).process(cache: cache, known: known, names: names)
        }
        var result = Result(images: ImageSet(), diagnostics: [], work: Work())
        var digests = OriginalDigests()
        var images: [String: ImageSet.Processed] = [:]
        for (path, outcome) in zip(originals, outcomes) {
            result.diagnostics += outcome.diagnostics
            guard let made = outcome.made else { continue }
            images[path] = made.processed
            digests.record(path, stamp: made.stamp, digest: made.digest)
            if made.wasCached { result.work.reused += 1 } else { result.work.made += 1 }
        }
        let drawings = content.media.compactMap { file in file.drawingSize.map { (file.path, $0) } }
        result.images = ImageSet(images: images, drawingSizes: Dictionary(drawings) { first, _ in first })
        // The cache is only an aid: a build goes on when it cannot be written. A site without
        // photographs leaves no cache folder.
        if !originals.isEmpty || FileManager.default.fileExists(atPath: cache.folder.path) {
            try? digests.save(to: cache)
            cache.prune(keeping: Set(outcomes.compactMap { $0.made?.key }))
        }
        return result
    }

    /// The problems of the raster originals that content uses that their headers show, without
    /// making copies (`folio check`); the build finds these and more (a file damaged after its header).
    public static func check(_ content: SiteContent) -> [Diagnostic] {
        MediaReferences.rasterImages(in: content).concurrentMap { original, uses in
            Original(path: original.path, file: original.source, uses: uses).check()
        }.flatMap { $0 }
    }
}

/// One original as the stage meets it: where it is and which lines use it.
private struct Original {
    var path: String
    var file: URL
    var uses: [SourceLocation]

    struct Made {
        var processed: ImageSet.Processed
        var stamp: OriginalDigests.Stamp
        var digest: String
        var key: String
        var wasCached: Bool
    }

    struct Outcome: Sendable {
        var made: Made?
        var diagnostics: [Diagnostic]
    }

    private func failure(_ message: String) -> Outcome {
        Outcome(made: nil, diagnostics: uses.map { .error(at: $0, message) })
    }

    func process(cache: DerivativeCache, known: OriginalDigests, names: DerivativeNames) -> Outcome {
        guard let stamp = OriginalDigests.Stamp(of: file) else { return failure("cannot read '\(path)'") }
        if let problem = byteSizeProblem(stamp.size) { return failure(problem) }
        var data: Data?
        let digest: String
        if let knownDigest = known.digest(of: path, stamp: stamp) {
            digest = knownDigest
        } else {
            guard let read = PlainFile.bytes(at: file, limit: ImageSettings.maxBytes) else { return failure("cannot read '\(path)'") }
            data = read
            digest = SHA256.hex(read)
        }
        let key = digest + "-" + ImageSettings.fingerprint
        if let entry = cache.entry(key), let processed = processed(from: entry, key: key, cache: cache, names: names) {
            if let problem = nameProblem(entry.format) ?? sizeProblem(width: entry.width, height: entry.height) { return failure(problem) }
            return Outcome(made: Made(processed: processed, stamp: stamp, digest: digest, key: key, wasCached: true), diagnostics: [])
        }
        guard let bytes = data ?? PlainFile.bytes(at: file, limit: ImageSettings.maxBytes) else { return failure("cannot read '\(path)'") }
        switch make(from: bytes, key: key, cache: cache) {
        case .failure(let problem):
            return failure(problem.message)
        case .success(let entry):
            guard let processed = processed(from: entry, key: key, cache: cache, names: names) else {
                return failure("cannot store the copies of '\(path)' in \(cache.folder.path)")
            }
            return Outcome(made: Made(processed: processed, stamp: stamp, digest: digest, key: key, wasCached: false), diagnostics: [])
        }
    }

    /// What `folio check` can tell without making copies: the file's size, and what its header
    /// says (readable, the format its name promises, not too many pixels). A file damaged after
    /// its header is found by the build, which decodes it.
    func check() -> [Diagnostic] {
        guard let stamp = OriginalDigests.Stamp(of: file) else { return failure("cannot read '\(path)'").diagnostics }
        if let problem = byteSizeProblem(stamp.size) { return failure(problem).diagnostics }
        guard let bytes = PlainFile.bytes(at: file, limit: ImageSettings.maxBytes) else { return failure("cannot read '\(path)'").diagnostics }
        if case .failure(let problem) = checkedHeader(of: bytes) { return failure(problem.message).diagnostics }
        return []
    }

    /// The header of `data`, when the file may be published.
    private func checkedHeader(of data: Data) -> Swift.Result<(LibVips.Header, RasterFormat), ImageFailure> {
        let header: LibVips.Header
        switch LibVips.header(of: data) {
        case .failure(let failure):
            return .failure(ImageFailure("'\(path)' is not an image Folio can read, or it is damaged (\(failure.message))"))
        case .success(let read):
            header = read
        }
        guard let format = header.format else {
            return .failure(ImageFailure("'\(path)' is a \(RasterFormat.loaderName(header.loader).uppercased()) image; the site shows JPEG, PNG, WebP, GIF or SVG: export it as one of those"))
        }
        if let problem = nameProblem(format) { return .failure(ImageFailure(problem)) }
        if let problem = sizeProblem(width: header.width, height: header.height) { return .failure(ImageFailure(problem)) }
        return .success((header, format))
    }

    /// Checks the bytes, then decodes once and encodes every copy into the cache.
    private func make(from data: Data, key: String, cache: DerivativeCache) -> Swift.Result<DerivativeCache.Entry, ImageFailure> {
        let header: LibVips.Header, format: RasterFormat
        switch checkedHeader(of: data) {
        case .failure(let problem): return .failure(problem)
        case .success(let checked): (header, format) = checked
        }
        let widths = ImageSettings.widths(forOriginal: header.width)
        let bookletWidth = min(ImageSettings.bookletWidth, header.width)
        let fallback = RasterFormat.fallback(for: format, hasAlpha: header.hasAlpha)
        let booklet = RasterFormat.booklet(for: format, hasAlpha: header.hasAlpha)
        var entry = DerivativeCache.Entry(format: format, width: header.width, height: header.height, copies: [])
        var files: [String: Data] = [:]
        do {
            let decoded = try LibVips.DecodedImage(decoding: data, maxWidth: max(widths.last!, bookletWidth))
            let wanted = widths.flatMap { [("site", $0, fallback), ("site", $0, RasterFormat.webp)] } + [("booklet", bookletWidth, booklet)]
            for (role, width, format) in wanted {
                let encoded = try decoded.encoded(width: width, format: format)
                let name = "\(role)-\(width).\(format.fileExtension)"
                files[name] = encoded.data
                entry.copies.append(.init(name: name, width: encoded.width, height: encoded.height, format: format))
            }
        } catch {
            return .failure(ImageFailure("'\(path)' is damaged: \(error.message)"))
        }
        do {
            try cache.store(entry, files: files, key: key)
        } catch {
            return .failure(ImageFailure("cannot store the copies of '\(path)' in \(cache.folder.path): \(error.localizedDescription)"))
        }
        return .success(entry)
    }

    private func byteSizeProblem(_ bytes: Int) -> String? {
        guard bytes > ImageSettings.maxBytes else { return nil }
        return "'\(path)' is \(megabytes(bytes)) MB; images up to \(ImageSettings.maxBytes / 1_048_576) MB are accepted: export a smaller copy (about 3000 pixels wide is plenty)"
    }

    /// An original too large to make copies of in reasonable time and memory.
    private func sizeProblem(width: Int, height: Int) -> String? {
        let pixels = width * height
        guard pixels > ImageSettings.maxPixels else { return nil }
        return "'\(path)' is \(width) × \(height) pixels (\(pixels / 1_000_000) megapixels); images up to \(ImageSettings.maxPixels / 1_000_000) megapixels are accepted: export a smaller copy"
    }

    /// A file whose bytes are another format than its name says is refused: browsers and EPUB
    /// readers trust the name, and the editors should know what they publish.
    private func nameProblem(_ format: RasterFormat) -> String? {
        guard let named = RasterFormat(path: path) else {
            return "'\(path)' is not a JPEG, PNG, WebP or GIF file by its name; the site shows those and SVG: export it as one of them"
        }
        guard named != format else { return nil }
        let renamed = (path.split(separator: "/").last.map(String.init) ?? path).split(separator: ".").dropLast().joined(separator: ".") + "." + format.fileExtension
        return "'\(path)' is not a \(named.name) image: its bytes are a \(format.name); rename it to \(renamed)"
    }

    /// The site's and booklet's copies as stored under `key`, named for publishing; nil when a
    /// stored file is missing.
    private func processed(from entry: DerivativeCache.Entry, key: String, cache: DerivativeCache, names: DerivativeNames) -> ImageSet.Processed? {
        let folder = cache.entryFolder(key)
        func derivative(_ copy: DerivativeCache.Entry.Copy, booklet: Bool) -> ImageSet.Derivative? {
            let file = folder.appendingPathComponent(copy.name)
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            let published = booklet ? names.bookletPath(of: path, format: copy.format) : names.path(of: path, width: copy.width, format: copy.format)
            return ImageSet.Derivative(width: copy.width, height: copy.height, format: copy.format, path: published, file: file)
        }
        let site = entry.copies.filter { $0.name.hasPrefix("site-") }
        var fallbackCopies: [ImageSet.Derivative] = []
        var webpCopies: [ImageSet.Derivative] = []
        for copy in site {
            guard let made = derivative(copy, booklet: false) else { return nil }
            if copy.format == .webp { webpCopies.append(made) } else { fallbackCopies.append(made) }
        }
        guard let bookletCopy = entry.copies.first(where: { $0.name.hasPrefix("booklet-") }),
              let booklet = derivative(bookletCopy, booklet: true), let largest = fallbackCopies.last else { return nil }
        return ImageSet.Processed(width: largest.width, height: largest.height, fallback: fallbackCopies, webp: webpCopies, booklet: booklet)
    }

    private func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
