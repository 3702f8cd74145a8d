/// The value names templates may use, each with the index objects are keyed by. Names are turned
/// into indices once, when templates compile, never while they render.
public struct TemplateNames: Sendable {
    public private(set) var names: [String] = []
    private var indices: [String: Int] = [:]

    public init(_ names: some Sequence<String> = []) {
        for name in names { add(name) }
    }

    public func index(of name: String) -> Int? { indices[name] }

    /// The index of `name`, added at the end if new.
    @discardableResult
    public mutating func add(_ name: String) -> Int {
        if let index = indices[name] { return index }
        names.append(name)
        indices[name] = names.count - 1
        return names.count - 1
    }

    public func name(at index: Int) -> String { names[index] }
}
