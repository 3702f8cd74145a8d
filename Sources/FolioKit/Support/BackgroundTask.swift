import Dispatch

/// Work started on another thread now and collected later: the EPUB is packed while the site's
/// pages render on the other core.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let finished = DispatchSemaphore(value: 0)

    /// `queue`: a serial queue runs its tasks one after another.
    init(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () -> T) {
        queue.async {
            self.result = work()
            self.finished.signal()
        }
    }

    /// Blocks until the work is done; call once.
    func wait() -> T {
        finished.wait()
        return result!
    }
}
