import Foundation

/// What a build holds until its end (the content with every body's tree, the rendered sites, the
/// staging writer's page records), released on another thread once the build is done: freeing
/// them one allocation at a time took a single core about 5 % of a cold build at 10,000 projects,
/// after everything else was finished. `folio build` exits before that thread is done, and the
/// system takes the memory back at once; `folio serve` frees it beside its next wait.
final class BuildLeftovers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Any] = []

    /// Holds `value` until `releaseInBackground()`, so that the build's own last reference to it
    /// frees nothing.
    func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }

    /// Call once the build has returned, when nothing else holds what was kept.
    func releaseInBackground() {
        DispatchQueue.global(qos: .utility).async {
            self.lock.withLock { self.values = [] }
        }
    }
}
