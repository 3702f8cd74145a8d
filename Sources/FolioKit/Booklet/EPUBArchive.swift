import Foundation
import ZIPFoundation

/// Zips the EPUB in memory: `mimetype` first and stored, the rest deflated in path order, every
/// entry stamped with the booklet date so that rebuilds are byte-identical.
enum EPUBArchive {
    /// `timestamp` is the build date (`YYYY-MM-DDThh:mm:ssZ`, from the content or SOURCE_DATE_EPOCH).
    static func zip(_ files: [(path: String, data: Data)], timestamp: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let stamp = entryDate(timestamp)
        try add("mimetype", Data("application/epub+zip".utf8), to: archive, date: stamp, compression: .none)
        try add("META-INF/container.xml", Data(EPUBPackage.container.utf8), to: archive, date: stamp, compression: .deflate)
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            try add("EPUB/" + file.path, file.data, to: archive, date: stamp, compression: .deflate)
        }
        return archive.data ?? Data()
    }

    static func add(_ path: String, _ data: Data, to archive: Archive, date: Date, compression: CompressionMethod) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: compression) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// ZIPFoundation converts the date to the DOS date and time fields with `gmtime`, so a date
    /// made in UTC gives the same fields in every time zone. DOS dates start in 1980.
    static func entryDate(_ timestamp: String) -> Date {
        let parts = DateText.parts(of: String(timestamp.prefix(10))) ?? (1980, 1, 1)
        let time = timestamp.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: max(parts.year, 1980), month: parts.month, day: parts.day,
                                        hour: time.count == 3 ? time[0] : 0, minute: time.count == 3 ? time[1] : 0,
                                        second: time.count == 3 ? time[2] : 0)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }
}
