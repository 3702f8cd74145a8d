import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file under a folder with its `FileStamp`: it changes whenever an editor saves, adds or
/// removes a file. Read with `readdir` and `stat`, since Foundation's resource values took 0.7 s
/// for a 2,000-project folder, longer than the preview may take.
/// Stamps taken before a load and found again later prove that nothing it read has changed.
struct FolderStamps: Equatable, Sendable {
    private(set) var stamps: [String: FileStamp] = [:]
    /// The folders walked, the top one first: what a `FolderWatch` watches.
    private(set) var folders: [String] = []

    init(_ folder: URL) {
        add(folder.path)
    }

    private mutating func add(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        folders.append(folder)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Hidden names are never read (`FileTree`): an editor's swap file or the temporary
            // file of a save by rename changing is no reason to build.
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            // The stamp of what a link points to; links to folders are not followed, so no loop.
            guard var stamp = FileStamp(path: path) else { continue }
            if stamp.type == UInt32(S_IFDIR) {
                // A folder's times change with every file written in it, hidden ones included;
                // what it holds is stamped file by file.
                stamp.size = 0
                stamp.modified = .init(seconds: 0, nanoseconds: 0)
                stamp.changed = stamp.modified
            }
            stamps[path] = stamp
            var own = stat()
            if lstat(path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR { add(path) }
        }
    }
}

extension FolderStamps {
    /// Whether no file here can still change without changing its stamp (`FileStamp.isSettled`).
    func isSettled(after seconds: Double) -> Bool {
        stamps.values.allSatisfy { $0.isSettled(after: seconds) }
    }
}
