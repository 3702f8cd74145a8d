import Foundation

/// Wall time per build stage, for `folio build --verbose` and the benchmark: where the time goes
/// should be visible without a profiler.
public struct StageTimes: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Closes the stage that started when the previous one ended.
    mutating func end(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// A stage that ran beside the others, timed on its own thread.
    mutating func add(_ name: String, seconds: Double) {
        stages.append((name, seconds))
    }

    /// `work`'s result and its wall time in seconds, for work timed on another thread.
    static func timed<T>(_ work: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    public var summary: String {
        stages.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
