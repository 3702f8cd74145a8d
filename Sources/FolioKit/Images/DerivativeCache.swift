import Foundation

/// The copies made by earlier builds, kept beside the output (`CacheFolder.folder("images")`):
/// one folder per original's bytes and settings, holding the encoded copies and an `index` of
/// what they are. A folder appears whole or not at all (written aside, then renamed), so a build
/// stopped half-way never leaves a copy that a later build would trust.
struct DerivativeCache: Sendable {
    let folder: URL

    /// What one original turned out to be, and the copies made of it.
    struct Entry: Sendable, Equatable {
        struct Copy: Sendable, Equatable {
            var name: String
            var width: Int
            var height: Int
            var format: RasterFormat
        }

        /// The format libvips found in the bytes.
        var format: RasterFormat
        var width: Int
        var height: Int
        var copies: [Copy]
    }

    init(_ cache: CacheFolder) {
        folder = cache.folder("images")
    }

    func entryFolder(_ key: String) -> URL { folder.appendingPathComponent(key) }

    /// The entry stored under `key`, when its index reads back whole.
    func entry(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: entryFolder(key).appendingPathComponent("index").path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var entry: Entry?
        var copies: [Entry.Copy] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 5, let width = Int(fields[2]), let height = Int(fields[3]),
                  let format = RasterFormat(rawValue: fields[4]) else { return nil }
            switch fields[0] {
            case "original": entry = Entry(format: format, width: width, height: height, copies: [])
            case "copy": copies.append(.init(name: fields[1], width: width, height: height, format: format))
            default: return nil
            }
        }
        entry?.copies = copies
        return entry
    }

    /// Stores `entry` with the bytes of its copies (by name) under `key`.
    func store(_ entry: Entry, files: [String: Data], key: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let aside = folder.appendingPathComponent(".\(key).\(UUID().uuidString)")
        try? fm.removeItem(at: aside)
        try fm.createDirectory(at: aside, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: aside.appendingPathComponent(name)) }
        var index = "original - \(entry.width) \(entry.height) \(entry.format.rawValue)\n"
        for copy in entry.copies { index += "copy \(copy.name) \(copy.width) \(copy.height) \(copy.format.rawValue)\n" }
        try Data(index.utf8).write(to: aside.appendingPathComponent("index"))
        if self.entry(key) == nil { try? fm.removeItem(at: entryFolder(key)) }
        do {
            try fm.moveItem(at: aside, to: entryFolder(key))
        } catch where self.entry(key) != nil {
            // Another original with the same bytes, made on another core, was stored first.
            try? fm.removeItem(at: aside)
        }
    }

    /// Removes the entries no original of this build uses, so that the cache holds one build's
    /// images however often they change.
    func prune(keeping keys: Set<String>) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where !keys.contains(name) && name != OriginalDigests.fileName {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
