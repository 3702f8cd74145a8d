import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file under some folders with its size and modification time: it changes whenever an
/// editor saves, adds or removes a file. Read with `readdir` and `stat`, since Foundation's
/// resource values took 0.7 s for a 2,000-project folder, longer than the preview may take.
struct FolderStamps: Equatable {
    struct Stamp: Equatable {
        var path: String
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    private(set) var stamps: [Stamp] = []

    init(_ folders: [URL]) {
        for folder in folders { add(folder.path) }
        stamps.sort { $0.path < $1.path }
    }

    private mutating func add(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            var info = stat()
            // The stamp of what a link points to; links to folders are not followed, so no loop.
            guard stat(path, &info) == 0 else { continue }
            stamps.append(Stamp(path: path, size: Int(info.st_size), seconds: Int(info.modified.tv_sec), nanoseconds: Int(info.modified.tv_nsec)))
            var own = stat()
            if lstat(path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR { add(path) }
        }
    }
}

private extension stat {
    var modified: timespec {
        #if canImport(Darwin)
        st_mtimespec
        #else
        st_mtim
        #endif
    }
}
