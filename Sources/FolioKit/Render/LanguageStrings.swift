import Yams

/// A language's `strings.<code>.yaml` against `strings.yaml`: every key of the default language's
/// file must be there with the same shape (a missing one would show the key itself on the pages),
/// and a key the default file lacks is read by nothing, so it is a warning.
enum LanguageStrings {
    static func compare(_ node: Node, file: String, with reference: Node) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func walk(_ node: Node, _ reference: Node, path: String) {
            let own = node.mapping ?? [:]
            for (key, expected) in reference.mapping ?? [:] {
                let name = path + (key.string ?? "")
                guard let value = own[key] else {
                    diagnostics.append(.error(at: location(node), "missing string '\(name)', which strings.yaml has: every language needs every string"))
                    continue
                }
                if expected.mapping != nil {
                    if value.mapping == nil {
                        diagnostics.append(.error(at: location(value), "'\(name)' must be a map, as in strings.yaml"))
                    } else {
                        walk(value, expected, path: name + ".")
                    }
                } else if let items = expected.sequence {
                    if value.sequence?.count != items.count {
                        diagnostics.append(.error(at: location(value), "'\(name)' must be a list of \(items.count) texts, as in strings.yaml"))
                    }
                } else if value.scalar == nil {
                    diagnostics.append(.error(at: location(value), "'\(name)' must be text, as in strings.yaml"))
                }
            }
            for (key, _) in own where reference.mapping?[key] == nil {
                let name = path + (key.string ?? "")
                diagnostics.append(.warning(at: location(key), "unknown string '\(name)': strings.yaml has no such key, so nothing reads it",
                                            suggestion: Suggestion.closest(to: key.string ?? "", in: (reference.mapping ?? [:]).compactMap { $0.key.string })))
            }
        }
        walk(node, reference, path: "")
        return diagnostics
    }
}
