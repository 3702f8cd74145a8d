import Foundation

/// The SHA-256 of each original as last read, with the size, modification time and inode it had
/// then: a rebuild whose originals are untouched finds their cache keys without reading them
/// (200 phone photos are a gigabyte).
struct OriginalDigests: Sendable {
    static let fileName = "originals"

    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int
        var inode: UInt64

        init?(of url: URL) {
            var status = stat()
            guard stat(url.path, &status) == 0 else { return nil }
            size = Int(status.st_size)
            modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
            inode = UInt64(status.st_ino)
        }

        init(size: Int, modified: Int, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    private(set) var digests: [String: (stamp: Stamp, digest: String)] = [:]

    init() {}

    /// Reads the file the last build left; a damaged one is as good as none.
    init(readingFrom cache: DerivativeCache) {
        guard let data = FileManager.default.contents(atPath: cache.folder.appendingPathComponent(Self.fileName).path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 4).map(String.init)
            guard fields.count == 5, let size = Int(fields[0]), let modified = Int(fields[1]), let inode = UInt64(fields[2]),
                  fields[3].count == 64 else { continue }
            digests[fields[4]] = (Stamp(size: size, modified: modified, inode: inode), fields[3])
        }
    }

    func digest(of path: String, stamp: Stamp) -> String? {
        guard let known = digests[path], known.stamp == stamp else { return nil }
        return known.digest
    }

    mutating func record(_ path: String, stamp: Stamp, digest: String) {
        digests[path] = (stamp, digest)
    }

    func save(to cache: DerivativeCache) throws {
        let text = digests.keys.sorted().map { path in
            let (stamp, digest) = digests[path]!
            return "\(stamp.size) \(stamp.modified) \(stamp.inode) \(digest) \(path)\n"
        }.joined()
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        let file = cache.folder.appendingPathComponent(Self.fileName)
        try Data(text.utf8).write(to: file, options: .atomic)
    }
}
