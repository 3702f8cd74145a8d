import Yams

/// Typed, position-keeping access to one YAML mapping. Every read that fails (missing required
/// key, wrong type, empty value) is logged with the line and column of the key or value, so the
/// loaders can read all fields and report all problems in one pass.
struct YAMLMap {
    let mapping: Node.Mapping
    /// The entries by key, made once: a loader asks for every field, and each `Node.string`
    /// resolves the node's tag again.
    private let entries: [String: (key: Node, value: Node)]
    /// Where the mapping starts; missing keys are reported here.
    let location: SourceLocation
    let file: String
    /// Added to Yams' lines: the YAML's first line in the file, less one.
    let lineOffset: Int
    let log: DiagnosticLog
    /// Prefix for messages about nested maps: `partner 2: `.
    var context: String = ""

    init?(_ node: Node, file: String, lineOffset: Int, log: DiagnosticLog, context: String = "", what: String) {
        let location = Self.location(of: node, file: file, lineOffset: lineOffset)
        guard let mapping = node.mapping else {
            log.error(at: location, "\(context)\(what) must be a map of 'key: value' lines")
            return nil
        }
        self.mapping = mapping
        self.entries = Dictionary(mapping.compactMap { pair in pair.key.string.map { ($0, (pair.key, pair.value)) } }) { first, _ in first }
        self.location = location
        self.file = file
        self.lineOffset = lineOffset
        self.log = log
        self.context = context
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset)
    }

    private func entry(_ key: String) -> (key: Node, value: Node)? {
        entries[key]
    }

    func has(_ key: String) -> Bool { entry(key) != nil }

    /// Reports every key not in `allowed`, suggesting the closest allowed key.
    func rejectUnknownKeys(allowed: [String]) {
        for (key, _) in mapping {
            // YAMLLimits let only text through as keys; the message quotes it short and printable.
            let name = key.string ?? ""
            if !allowed.contains(name) {
                log.error(at: location(of: key), "\(context)unknown key '\(Printable.short(name))'",
                          suggestion: Suggestion.closest(to: name, in: allowed))
            }
        }
    }

    /// The value node of `key`, logging a missing required key. A null value counts as missing.
    private func value(_ key: String, required: Bool) -> Node? {
        guard let (keyNode, value) = entry(key) else {
            if required { log.error(at: location, "\(context)missing required key '\(key)'") }
            return nil
        }
        if isNull(value) {
            if required { log.error(at: location(of: keyNode), "\(context)'\(key)' must not be empty") }
            return nil
        }
        return value
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && node.null != nil
    }

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = value(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            log.error(at: location(of: node), "\(context)'\(key)' must be text, not a \(node.mapping != nil ? "map" : "list")")
            return nil
        }
        // A `"\v"` or `"\f"` escape (or the character pasted raw) is a space, as in bodies.
        let text = ControlCharacters.spaced(scalar.string).trimming(.whitespacesAndNewlines)
        if text.isEmpty {
            if required { log.error(at: location(of: node), "\(context)'\(key)' must not be empty") }
            return nil
        }
        return Located(text, at: location(of: node))
    }

    /// A path to a content file (`media/café.png`), in Unicode NFC like the media names, so that
    /// it names the published file byte for byte however the editor's system spelt the accents.
    func path(_ key: String, required: Bool = false) -> Located<String>? {
        string(key, required: required).map { Located($0.value.nfc, at: $0.location) }
    }

    func number(_ key: String, required: Bool = false) -> Located<Double>? {
        guard let node = value(key, required: required) else { return nil }
        guard node.scalar?.style == .plain, let number = node.int.map(Double.init) ?? node.float, number.isFinite else {
            log.error(at: location(of: node), "\(context)'\(key)' must be a number, found '\(node.string.map { Printable.short($0) } ?? "a list or map")'")
            return nil
        }
        return Located(number, at: location(of: node))
    }

    func integer(_ key: String, required: Bool = false) -> Located<Int>? {
        guard let node = value(key, required: required) else { return nil }
        guard node.scalar?.style == .plain, let number = node.int else {
            log.error(at: location(of: node), "\(context)'\(key)' must be a whole number, found '\(node.string.map { Printable.short($0) } ?? "a list or map")'")
            return nil
        }
        return Located(number, at: location(of: node))
    }

    /// `true` or `false`, nothing else (YAML 1.1's yes/no/on/off would surprise editors).
    func boolean(_ key: String, required: Bool = false) -> Located<Bool>? {
        guard let node = value(key, required: required) else { return nil }
        guard node.scalar?.style == .plain, let text = node.string, text == "true" || text == "false" else {
            log.error(at: location(of: node), "\(context)'\(key)' must be true or false, found '\(node.string ?? "a list or map")'")
            return nil
        }
        return Located(text == "true", at: location(of: node))
    }

    /// A list of non-empty strings. Returns nil when missing or not a list.
    func stringList(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let items = list(key, required: required) else { return nil }
        var result: [Located<String>] = []
        for item in items {
            guard let scalar = item.scalar, !scalar.string.trimming(.whitespaces).isEmpty, !isNull(item) else {
                log.error(at: location(of: item), "\(context)each item of '\(key)' must be non-empty text")
                continue
            }
            result.append(Located(ControlCharacters.spaced(scalar.string).trimming(.whitespaces), at: location(of: item)))
        }
        return result
    }

    func list(_ key: String, required: Bool = false) -> [Node]? {
        guard let node = value(key, required: required) else { return nil }
        guard let sequence = node.sequence else {
            let example = node.string.map { " such as [\(Printable.short($0))]" } ?? ""
            log.error(at: location(of: node), "\(context)'\(key)' must be a list\(example)")
            return nil
        }
        return Array(sequence)
    }

    func map(_ key: String, required: Bool = false) -> YAMLMap? {
        guard let node = value(key, required: required) else { return nil }
        return YAMLMap(node, file: file, lineOffset: lineOffset, log: log, context: context, what: "'\(key)'")
    }

    /// The `(key, value)` pairs of a nested map, for maps keyed by id (`sectors`).
    func entries(_ key: String, required: Bool = false) -> [(key: Located<String>, value: Node)]? {
        guard let nested = map(key, required: required) else { return nil }
        return nested.mapping.map { (Located($0.key.string ?? "", at: location(of: $0.key)), $0.value) }
    }

    /// Each item of a list as a map, labelled `partner 1: ` etc. for messages.
    func mapList(_ key: String, required: Bool = false, itemName: String) -> [YAMLMap]? {
        guard let items = list(key, required: required) else { return nil }
        return items.enumerated().compactMap { index, node in
            YAMLMap(node, file: file, lineOffset: lineOffset, log: log,
                    context: "\(context)\(itemName) \(index + 1): ", what: itemName)
        }
    }

    /// Location of `key`'s value, or of the key when the value is absent, or of the map.
    func valueLocation(_ key: String) -> SourceLocation {
        guard let (_, value) = entry(key) else { return location }
        return location(of: value)
    }

    /// The value node of `key` as written, for fields that take more than one shape.
    func entryValue(_ key: String) -> Node? { entry(key)?.value }
}

import Foundation
