import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the preview as soon as a file in the watched folders is written, moved or removed, so
/// that a save is not left waiting for the next look at the stamps (half of the 0.1 s between
/// looks, on average). On Linux it asks the kernel (inotify); elsewhere, or when the kernel
/// refuses (too many watches), it only waits the time given: the stamps, compared on every
/// wake-up either way, stay what decides that something changed.
final class FolderWatch: @unchecked Sendable {
    private let descriptor: Int32

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

    /// Watches these folders (again: a folder removed and made anew needs a new watch; a folder
    /// already watched keeps its one watch).
    func watch(_ folders: [String]) {
        #if canImport(Glibc)
        guard descriptor >= 0 else { return }
        // A file's close after writing, not each write: an editor that writes in place has
        // finished by then. Moves are saves by rename; attributes are a `touch`.
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in folders { _ = inotify_add_watch(descriptor, folder, events) }
        #endif
    }

    /// Returns once something in the watched folders changed, or after `seconds`.
    func wait(seconds: Double) async {
        guard descriptor >= 0 else {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return
        }
        let descriptor = descriptor
        // `poll` blocks its thread: on a dispatch thread, not one of Swift's few task threads.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&request, 1, Int32(seconds * 1000)) > 0 { Self.drain(descriptor) }
                done.resume()
            }
        }
    }

    /// Reads the pending events: only that there were some matters.
    private static func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}
