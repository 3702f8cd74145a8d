import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the preview as soon as a file in the watched folders is written, moved or removed, so
/// that a save is not left waiting for the next look at the stamps (half of the 0.1 s between
/// looks, on average). On Linux it asks the kernel (inotify); elsewhere, or when the kernel
/// refuses a folder (too many watches), it only waits the time given: the stamps, compared on
/// every wake-up either way, stay what decides that something changed.
final class FolderWatch: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var refused = false

    init() {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #else
        descriptor = -1
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the system gives word of every change in the folders watched.
    var isWatching: Bool { descriptor >= 0 && !lock.withLock { refused } }

    /// Watches these folders (again: a folder removed and made anew needs a new watch; a folder
    /// already watched keeps its one watch).
    func watch(_ folders: [String]) {
        #if canImport(Glibc)
        guard descriptor >= 0 else { return }
        // A file's close after writing, not each write: an editor that writes in place has
        // finished by then. Moves are saves by rename; attributes are a `touch`; a folder made
        // is one to watch (files made are told by their close).
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF)
        let failed = folders.contains { inotify_add_watch(descriptor, $0, events) < 0 }
        lock.withLock { refused = refused || failed }
        #endif
    }

    /// Returns once something in the watched folders changed, or after `seconds`.
    func wait(seconds: Double) async {
        guard descriptor >= 0 else {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return
        }
        // `poll` blocks its thread: on a dispatch thread, not one of Swift's few task threads.
        // The watch is kept alive meanwhile: closed under a waiting `poll`, its descriptor's
        // number could be given to another file, whose bytes would then be read here.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [self] in
                let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
                while case let now = DispatchTime.now().uptimeNanoseconds, now < deadline {
                    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    if poll(&request, 1, Int32((deadline - now) / 1_000_000) + 1) > 0, Self.readEvents(descriptor) { break }
                }
                done.resume()
            }
        }
    }

    /// Reads the pending events: whether one of them can matter.
    private static func readEvents(_ descriptor: Int32) -> Bool {
        var matters = false
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while case let count = read(descriptor, &buffer, buffer.count), count > 0 {
            matters = Self.matters(buffer[..<count]) || matters
        }
        return matters
    }

    /// Whether some of these inotify events can change what a load reads. Hidden names are never
    /// read (`FileTree`): the temporary file of a save by rename, closed just before the rename,
    /// would otherwise cost a look at every stamp on the way to the save itself. A file made is
    /// told again when it is closed, written.
    static func matters(_ events: ArraySlice<UInt8>) -> Bool {
        #if canImport(Glibc)
        var offset = events.startIndex
        // Each event: watch (4 bytes), mask (4), cookie (4), name length (4), name (NUL-padded).
        while offset + 16 <= events.endIndex {
            let mask = events[offset + 4 ..< offset + 8].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            let length = Int(events[offset + 12 ..< offset + 16].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
            let hidden = offset + 16 < events.endIndex && events[offset + 16] == UInt8(ascii: ".")
            let madeFile = mask & UInt32(IN_CREATE) != 0 && mask & UInt32(IN_ISDIR) == 0
            if !hidden && !madeFile { return true }
            offset += 16 + length
        }
        return false
        #else
        return true
        #endif
    }
}
