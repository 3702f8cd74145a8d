import Dispatch

/// Work done on another thread and collected later: the EPUB is packed while the site's pages
/// render on the other core.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> T
    private var result: T?
    private let finished = DispatchSemaphore(value: 0)

    /// Started now on `queue`; a serial queue runs its tasks one after another.
    init(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () -> T) {
        self.work = work
        queue.async { self.run() }
    }

    private init(notStarted work: @escaping @Sendable () -> T) {
        self.work = work
    }

    /// Not started: whoever is handed `run` runs it, once (the pages' workers run the EPUB's
    /// task before any page, so that it never ends alone on one core after them).
    static func notStarted(_ work: @escaping @Sendable () -> T) -> BackgroundTask {
        BackgroundTask(notStarted: work)
    }

    func run() {
        result = work()
        finished.signal()
    }

    /// Blocks until the work is done; call once.
    func wait() -> T {
        finished.wait()
        return result!
    }
}
