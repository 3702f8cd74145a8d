import Foundation
import ZIPFoundation

/// `folio build --archive`: the whole site as one ZIP beside the output folder (`Output/` →
/// `Output.zip`), for preservation: it unpacks into a folder that opens from disk and works
/// offline, as the site does. The same content gives the same bytes: entries in path order,
/// every one stamped with the build date and mode 0644, and no file of Folio's own (`.folio-*`).
public enum SiteArchive {
    /// `Output/` → `Output.zip`, in the same parent folder.
    public static func location(output: URL) -> URL {
        let target = output.standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".zip")
    }

    /// The site's files by path, under one top folder named like the archive (`Output/…`), so
    /// that unpacking never spills files into the folder it is unpacked in.
    static func entries(of folder: URL) -> [String] {
        FileTree.files(in: folder).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".folio-") }
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Zips `folder` into `archive`, through a hidden file beside it that is renamed into place,
    /// so that a failure leaves the previous archive as it was. `timestamp` is the build date.
    public static func write(folder: URL, to archive: URL, timestamp: String) throws {
        let top = archive.deletingPathExtension().lastPathComponent
        let partial = archive.deletingLastPathComponent().appendingPathComponent(".\(archive.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: partial)
        do {
            let zip = try Archive(url: partial, accessMode: .create)
            let date = EPUBArchive.entryDate(timestamp)
            for path in entries(of: folder) {
                let data = try Data(contentsOf: folder.appendingPathComponent(path))
                try EPUBArchive.add(top + "/" + path, data, to: zip, date: date, compression: .deflate)
            }
            guard rename(partial.path, archive.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(archive.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}
