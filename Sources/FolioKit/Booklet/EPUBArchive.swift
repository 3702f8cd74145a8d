import Foundation
import ZIPFoundation

/// Zips the EPUB in memory: `mimetype` first and stored, the rest deflated in path order, every
/// entry stamped with the booklet date so that rebuilds are byte-identical.
enum EPUBArchive {
    static func zip(_ files: [(path: String, data: Data)], date: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let stamp = entryDate(date)
        try add("mimetype", Data("application/epub+zip".utf8), to: archive, date: stamp, compression: .none)
        try add("META-INF/container.xml", Data(EPUBPackage.container.utf8), to: archive, date: stamp, compression: .deflate)
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            try add("EPUB/" + file.path, file.data, to: archive, date: stamp, compression: .deflate)
        }
        return archive.data ?? Data()
    }

    private static func add(_ path: String, _ data: Data, to archive: Archive, date: Date, compression: CompressionMethod) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: compression) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// ZIPFoundation writes the DOS date and time fields from the date in UTC, so the date is
    /// built in UTC: the stored fields are then the same whatever the machine's time zone.
    private static func entryDate(_ iso: String) -> Date {
        let parts = DateText.parts(of: iso) ?? (2000, 1, 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}
