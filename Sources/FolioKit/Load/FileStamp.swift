import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, enough to tell that it changed without reading it: any write
/// changes its modification and change times (the change time cannot be set back, unlike the
/// modification time `cp -p` or `touch -d` restore), and a save by rename gives a new inode.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    /// The type bits of the mode: a file put where a folder was is a change.
    var type: UInt32
    var size: Int
    var modified: Timestamp
    var changed: Timestamp

    struct Timestamp: Equatable, Comparable, Sendable {
        var seconds: Int
        var nanoseconds: Int

        static func < (a: Timestamp, b: Timestamp) -> Bool {
            (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
        }
    }

    /// The stamp of what `path` names, links followed; nil if nothing is there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        type = UInt32(info.st_mode) & UInt32(S_IFMT)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modified = Timestamp(seconds: Int(info.st_mtimespec.tv_sec), nanoseconds: Int(info.st_mtimespec.tv_nsec))
        changed = Timestamp(seconds: Int(info.st_ctimespec.tv_sec), nanoseconds: Int(info.st_ctimespec.tv_nsec))
        #else
        modified = Timestamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        changed = Timestamp(seconds: Int(info.st_ctim.tv_sec), nanoseconds: Int(info.st_ctim.tv_nsec))
        #endif
    }

    var isPlainFile: Bool { type == UInt32(S_IFREG) }

    /// Whether a later write must give another stamp. File systems keep times at the grain of the
    /// kernel's clock tick, not the nanosecond: a second write of the same size within the tick of
    /// the first leaves every field as it was. A file last changed well before `now` cannot be
    /// written again within that tick any more (the "racily clean" files of git's index).
    func isSettled(at now: Date = Date(), after seconds: Double = settlingSeconds) -> Bool {
        let latest = max(modified, changed)
        return Double(latest.seconds) + Double(latest.nanoseconds) / 1e9 < now.timeIntervalSince1970 - seconds
    }

    /// Far beyond any clock tick, and short enough that a file saved a moment ago is read again
    /// only for the next save or two.
    static let settlingSeconds = 2.0
}
