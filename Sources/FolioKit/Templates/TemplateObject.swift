/// Named values, each name given as its index in the `TemplateNames` the templates were compiled
/// with. Objects hold a dozen values at most, so a linear scan of small integers beats hashing.
public struct TemplateObject: Sendable {
    struct Field: Sendable {
        var name: Int
        var value: TemplateValue
    }

    private(set) var fields: [Field] = []

    public init() {}

    public subscript(name: Int) -> TemplateValue? {
        get {
            // By index: iterating the fields themselves would copy (retain) every value passed.
            for position in fields.indices where fields[position].name == name { return fields[position].value }
            return nil
        }
        set {
            if let position = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[position].value = newValue } else { fields.remove(at: position) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// This object with `other`'s values on top.
    public func merging(_ other: TemplateObject) -> TemplateObject {
        var result = self
        for field in other.fields { result[field.name] = field.value }
        return result
    }

    /// The names set, in the order they were set.
    public var names: [Int] { fields.map(\.name) }
}
