import Foundation

/// CPU time of one kind of work summed over every thread that did it. Wall time cannot show how
/// much of a build the template engine takes while pages render on all cores; this can.
final class CPUTimeTally: @unchecked Sendable {
    private let lock = NSLock()
    private var nanoseconds: UInt64 = 0

    func measure<T>(_ work: () -> T) -> T {
        let start = Self.threadNanoseconds()
        let result = work()
        let spent = Self.threadNanoseconds() - start
        lock.withLock { nanoseconds += spent }
        return result
    }

    var seconds: Double { lock.withLock { Double(nanoseconds) / 1e9 } }

    private static func threadNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
