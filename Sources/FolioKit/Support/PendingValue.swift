import Foundation

/// A value that becomes known part-way through a build, read by work prepared before it was: the
/// page jobs are made once, but a few of them show the EPUB's size, known only once it is packed.
final class PendingValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
