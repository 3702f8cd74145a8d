/// Turns the names written in tags into what rendering needs, once, when templates compile:
/// dotted names into name indices, constants (`strings.nav.home`) into their text, partial names
/// into template indices. A name no page provides is a mistake caught here, with a near miss.
struct TemplateReferences {
    struct Problem: Error {
        var message: String
        var suggestion: String?
    }

    struct Resolution {
        var reference: ValueReference
        /// Set when the whole value is a constant known now: it is written without a lookup.
        var constantText: String?
        /// The value comes from the constants (a section over it reads names that only they have).
        var isConstant = false
    }

    private(set) var names: TemplateNames
    /// The names render contexts may provide; nil when anything goes (names are added as met).
    let provided: Set<Int>?
    /// Values the same for every render, at the bottom of the context stack. No context provides
    /// their top-level names, so a tag that reaches a constant can be resolved at compile time.
    let constants: TemplateObject
    let partials: [String: Int]

    init(names: TemplateNames, provided: Set<Int>?, constants: TemplateObject, partials: [String: Int]) {
        self.names = names
        self.provided = provided
        self.constants = constants
        self.partials = partials
    }

    func partial(_ name: String) -> Result<Int, Problem> {
        if let index = partials[name] { return .success(index) }
        return .failure(Problem(message: "no template named '\(name)'", suggestion: Suggestion.closest(to: name, in: partials.keys)))
    }

    mutating func resolve(_ raw: String, checked: Bool) -> Result<Resolution, Problem> {
        if raw == "." { return .success(Resolution(reference: .current)) }
        if raw.contains("(") { return function(raw) }
        let anchored = raw.hasPrefix(".")
        let segments = raw.split(separator: ".").map(String.init)
        guard !segments.isEmpty else { return .success(Resolution(reference: .current)) }
        if !anchored, let first = names.index(of: segments[0]), constants[first] != nil {
            return constant(raw, segments, checked: checked)
        }
        var indices: [Int] = []
        for segment in segments {
            if checked, let provided {
                guard let index = names.index(of: segment), provided.contains(index) else {
                    let candidates = provided.map(names.name(at:)) + constants.names.map(names.name(at:))
                    return .failure(Problem(message: "no page provides a value named '\(segment)'",
                                            suggestion: Suggestion.closest(to: segment, in: candidates)))
                }
                indices.append(index)
            } else {
                indices.append(names.add(segment))
            }
        }
        return .success(Resolution(reference: anchored ? .anchored(indices) : .search(indices)))
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()`: where the enclosing list stands.
    private func function(_ raw: String) -> Result<Resolution, Problem> {
        let known = ListPosition.Query.allCases.map { "\($0.rawValue)()" }
        guard raw.hasSuffix("()"), let query = ListPosition.Query(rawValue: String(raw.dropLast(2))) else {
            return .failure(Problem(message: "unknown function '\(raw)': templates may use \(known.joined(separator: ", ")) inside a list",
                                    suggestion: Suggestion.closest(to: raw, in: known)))
        }
        return .success(Resolution(reference: .position(query)))
    }

    private mutating func constant(_ raw: String, _ segments: [String], checked: Bool) -> Result<Resolution, Problem> {
        var value = TemplateValue.object(constants)
        var indices: [Int] = []
        for segment in segments {
            guard case .object(let object) = value, let index = names.index(of: segment), let inner = object[index] else {
                guard checked else { return .success(Resolution(reference: .search(segments.map { names.add($0) }), isConstant: true)) }
                let paths = Self.leafPaths(of: .object(constants), names: names)
                return .failure(Problem(message: "'\(raw)' is not defined", suggestion: Suggestion.closest(to: raw, in: paths)))
            }
            indices.append(index)
            value = inner
        }
        switch value {
        case .text(let text): return .success(Resolution(reference: .search(indices), constantText: text, isConstant: true))
        case .number(let number): return .success(Resolution(reference: .search(indices), constantText: String(number), isConstant: true))
        default: return .success(Resolution(reference: .search(indices), isConstant: true))
        }
    }

    /// Every dotted path to a text or number inside `value`, for near-miss hints.
    private static func leafPaths(of value: TemplateValue, names: TemplateNames, prefix: String = "") -> [String] {
        guard case .object(let object) = value else { return [prefix] }
        return object.names.flatMap { index in
            leafPaths(of: object[index]!, names: names, prefix: (prefix.isEmpty ? "" : prefix + ".") + names.name(at: index))
        }
    }
}
