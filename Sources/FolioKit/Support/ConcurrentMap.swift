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

extension Array where Element: Sendable {
    /// `concurrentMap` that starts the largest items first, so that no core is left alone with
    /// one long item at the end (the booklet edition, the project list). Results keep the input order.
    func concurrentMap<T: Sendable>(largestFirst size: (Element) -> Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let order = largestFirstOrder(by: size)
        let done = order.map { self[$0] }.concurrentMap(transform)
        var results = done
        for (position, index) in order.enumerated() { results[index] = done[position] }
        return results
    }

    /// The items, largest first; items of one size keep their order.
    func largestFirst(by size: (Element) -> Int) -> [Element] {
        largestFirstOrder(by: size).map { self[$0] }
    }

    /// `body` on every item, on all cores; the items are started in order, one per free core.
    func concurrentForEach(_ body: @Sendable (Element) -> Void) {
        _ = concurrentMap(body)
    }

    private func largestFirstOrder(by size: (Element) -> Int) -> [Int] {
        indices.sorted { (size(self[$1]), $0) < (size(self[$0]), $1) }
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
