import Foundation

/// The EPUB a previous build packed, reused when a rebuild packs the same entries. Deflating a
/// large booklet is most of its EPUB's time (a third of a rebuild's at 2,000 projects), and a
/// ZIP's bytes depend only on its entries and their date: the reused EPUB is the one packing
/// would make. Kept in the cache folder beside the output, named by language, with the SHA-256
/// of what it was packed from; the Folio that packed it is part of that key.
struct EPUBPackCache: Sendable {
    let folder: URL

    /// The EPUB of `files` stamped `timestamp`: the kept one when its key matches, else
    /// `EPUBArchive.zip`'s, then kept for the next build. A cache that cannot be written only
    /// costs the next build the packing.
    func packed(_ files: [(path: String, data: Data)], timestamp: String, name: String) throws -> Data {
        let key = Data(Self.key(files, timestamp: timestamp).utf8)
        let archiveFile = folder.appendingPathComponent(name + ".epub"), keyFile = folder.appendingPathComponent(name + ".key")
        if PlainFile.bytes(at: keyFile, limit: 1_024) == key, let kept = PlainFile.bytes(at: archiveFile) { return kept }
        let packed = try EPUBArchive.zip(files, timestamp: timestamp)
        try? FileManager.default.removeItem(at: keyFile)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The key is written last: an archive without its key is never taken for one.
        if (try? packed.write(to: archiveFile, options: .atomic)) != nil { try? key.write(to: keyFile, options: .atomic) }
        return packed
    }

    /// A digest of every entry's path and bytes, in order, and of the date and the Folio.
    static func key(_ files: [(path: String, data: Data)], timestamp: String) -> String {
        var listing = "\(FolioVersion.description)\n\(timestamp)\n"
        for file in files { listing += "\(file.path)\n\(file.data.count) \(SHA256.hex(file.data))\n" }
        return SHA256.hex(Data(listing.utf8))
    }
}
