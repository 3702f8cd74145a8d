import Foundation
import Testing
@testable import FolioKit

/// How the build shares its cores: the pages' workers start the EPUB's task before any page.
@Suite struct WorkerPoolTests {
    @Test func largestFirstKeepsTheOrderOfItemsOfOneSize() {
        let items = [(name: "a", size: 1), (name: "b", size: 3), (name: "c", size: 1), (name: "d", size: 3), (name: "e", size: 2)]
        #expect(items.largestFirst(by: \.size).map(\.name) == ["b", "d", "e", "a", "c"])
    }

    @Test func concurrentForEachRunsEachItemOnceAndStartsThemInOrder() {
        let log = StartLog()
        Array(0..<500).concurrentForEach { item in
            log.started(item)
            usleep(100)
        }
        let order = log.order
        #expect(order.sorted() == Array(0..<500))
        // Items are taken in order, one per free worker: item 0 is among the first few started.
        #expect(order.prefix(ProcessInfo.processInfo.activeProcessorCount + 1).contains(0))
    }

    @Test func aTaskNotStartedRunsWhenAWorkerIsHandedIt() {
        let task = BackgroundTask.notStarted { (1...1_000).reduce(0, +) }
        let pages = Array(0..<64)
        let delivered = StartLog()
        let work: [@Sendable () -> Void] = [task.run] + pages.map { page in { delivered.started(page) } }
        work.concurrentForEach { $0() }
        #expect(task.wait() == 500_500)
        #expect(delivered.order.sorted() == pages)
    }
}

private final class StartLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []

    func started(_ item: Int) { lock.withLock { items.append(item) } }
    var order: [Int] { lock.withLock { items } }
}
