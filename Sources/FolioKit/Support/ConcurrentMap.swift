import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores. Results keep the input order, so output stays byte-identical to a
    /// sequential run whatever the thread scheduling.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { items in
            nonisolated(unsafe) let items = items
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(items[index]), at: index)
            }
        }
        return results.values
    }
}

/// One slot per index, each written by exactly one iteration of `concurrentPerform`.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [T] { slots.map { $0! } }
}
