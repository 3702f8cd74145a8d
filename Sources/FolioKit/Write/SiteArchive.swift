import Foundation
import ZIPFoundation

/// The whole site as one ZIP, for preservation (`folio build --archive` writes it beside the
/// output folder, `Output/` → `Output.zip`) and for readers when the booklet page offers it. It
/// unpacks into one folder that opens from disk and works offline, as the site does. The same
/// content gives the same bytes: entries in path order, every one stamped with the build date
/// and mode 0644, and no file of Folio's own (`.folio-*`).
public enum SiteArchive {
    /// `Output/` → `Output.zip`, in the same parent folder.
    public static func location(output: URL) -> URL {
        let target = output.standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".zip")
    }

    /// The site's files by path, in the order they are zipped.
    static func entries(of folder: URL) -> [String] {
        FileTree.files(in: folder).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".folio-") }
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every file of `folder` under one top folder, `top`, so that unpacking never spills files
    /// into the folder it is unpacked in. `timestamp` is the build date.
    static func zip(folder: URL, top: String, timestamp: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = EPUBArchive.entryDate(timestamp)
        for path in entries(of: folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            try EPUBArchive.add(top + "/" + path, data, to: archive, date: date, compression: .deflate)
        }
        return archive.data ?? Data()
    }

    /// Writes through a hidden file beside `url` that is renamed into place, so that a failure
    /// leaves the previous archive as it was.
    static func write(_ data: Data, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: partial)
            guard rename(partial.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(url.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}
