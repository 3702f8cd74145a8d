import Foundation

/// Text files read by an earlier load, reused while their `FileStamp` is unchanged: after a
/// save `folio serve` loads the content again, and reading and decoding 2,000 files it has
/// already read took a third of that load. What decides which files are read (hidden names,
/// links, slugs: `FileTree`, `ContentFolder`) runs on every load all the same; only the reading
/// of a file that is provably the same is skipped, so the `SourceFile` is the one a read would
/// give. Files that could not be read are never kept: their problems are found again each time.
final class TextFileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: (location: String, stamp: FileStamp, file: SourceFile)] = [:]
    private let settlingSeconds: Double

    /// `settlingSeconds`: how long ago a file must have been written to be kept (see `FileStamp`).
    init(settlingSeconds: Double = FileStamp.settlingSeconds) {
        self.settlingSeconds = settlingSeconds
    }

    /// `TextFile.read`'s result, or the one kept from the last read of the same, unchanged file.
    func read(_ url: URL, path: String, log: DiagnosticLog) -> SourceFile? {
        // Taken before reading: a write after it gives a stamp that no longer matches.
        let stamp = FileStamp(path: url.path)
        if let stamp, stamp.isPlainFile, let kept = lock.withLock({ byPath[path] }), kept.location == url.path, kept.stamp == stamp {
            return kept.file
        }
        let file = TextFile.read(url, path: path, log: log)
        lock.withLock {
            if let file, let stamp, stamp.isPlainFile, stamp.isSettled(after: settlingSeconds) {
                byPath[path] = (url.path, stamp, file)
            } else {
                byPath[path] = nil
            }
        }
        return file
    }
}
