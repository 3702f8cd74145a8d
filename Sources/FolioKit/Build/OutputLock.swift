import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one output folder for the whole of a build, so that two builds into the
/// same output (a `folio serve` rebuild and a `folio build`, two CI jobs on one runner) run one
/// after the other instead of mixing their files. It is a `flock` on a file in the output's cache
/// folder: the system releases it when the process ends, however it ends, so a crashed build
/// never leaves a stale lock behind.
final class OutputLock {
    private let descriptor: Int32

    enum Failure: Error, CustomStringConvertible {
        case busy(output: String, waited: Double)
        case unavailable(String)

        var description: String {
            switch self {
            case .busy(let output, let waited):
                "another build is writing '\(output)' and has not finished after \(Int(waited)) s: try again when it has finished"
            case .unavailable(let why): "cannot lock the output folder: \(why)"
            }
        }
    }

    /// Waits up to `wait` seconds for the lock of `output`'s cache folder.
    init(output: URL, wait: Double) throws(Failure) {
        let file = CacheFolder(output: output).file("lock")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unavailable(error.localizedDescription)
        }
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable("\(file.path): \(String(cString: strerror(errno)))") }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wait) * 1e9)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let why = String(cString: strerror(errno))
                close(descriptor)
                throw .unavailable("\(file.path): \(why)")
            }
            guard DispatchTime.now().uptimeNanoseconds < deadline else {
                close(descriptor)
                throw .busy(output: output.path, waited: wait)
            }
            usleep(50_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
