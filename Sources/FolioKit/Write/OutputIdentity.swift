import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which folder Folio last put in the output's place, recorded in the cache folder rather than as
/// a file inside the output, so that nothing of Folio's own is ever published with the site.
/// The folder's device and inode alone could match a folder made later in its place (file systems
/// reuse inodes), so the inode of its `index.html` is recorded too: a folder an editor made will
/// not hold a file with that number.
struct OutputIdentity: Equatable {
    var device: UInt64
    var folder: UInt64
    var home: UInt64

    /// The identity of the folder at `url`; nil when it or its home page is missing.
    init?(of url: URL) {
        var folderStatus = stat()
        var homeStatus = stat()
        guard lstat(url.path, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR,
              lstat(url.appendingPathComponent(SitePaths.home).path, &homeStatus) == 0 else { return nil }
        device = UInt64(folderStatus.st_dev)
        folder = UInt64(folderStatus.st_ino)
        home = UInt64(homeStatus.st_ino)
    }

    private init(device: UInt64, folder: UInt64, home: UInt64) {
        self.device = device
        self.folder = folder
        self.home = home
    }

    /// The identity recorded in `file`, if any.
    static func recorded(in file: URL) -> OutputIdentity? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { UInt64($0) }
        guard numbers.count == 3 else { return nil }
        return OutputIdentity(device: numbers[0], folder: numbers[1], home: numbers[2])
    }

    func record(in file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("\(device) \(folder) \(home)\n".utf8).write(to: file, options: .atomic)
    }
}
