import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads files an editor put in place, which may not be what their names say: a FIFO opened
/// for reading would wait for a writer forever, so every read goes through here.
enum PlainFile {
    /// Whether `url` is a plain file (a FIFO mapped or read would hang the build).
    static func isRegular(_ url: URL) -> Bool {
        var status = stat()
        return stat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The bytes of a plain file of at most `limit` bytes; nil for anything else. Opened without
    /// blocking, so that a FIFO put in place of a file cannot hang the build.
    static func bytes(at url: URL, limit: Int = .max) -> Data? {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= limit else { return nil }
        var data = Data(count: Int(status.st_size))
        var offset = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }
}
