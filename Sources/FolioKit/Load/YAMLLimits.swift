import CYaml

/// Checks YAML on libyaml's event stream before Yams builds a single node, because the costly
/// part comes after: Yams hashes every key to find duplicates, and a key that is an alias of a
/// list of aliases (`&b [*a, *a]`, a few levels deep) stands for millions of nodes. Here each
/// alias costs the size of what it names, counted as numbers, so the check itself stays small.
///
/// Refused: explicit tags (`!!python/object`, `!binary`: Folio reads every value as text and
/// resolves no types), keys that are lists or maps, collections nested deeper than `maxDepth`,
/// more than `maxAliases` aliases, and documents that aliases make larger than `maxNodes`.
enum YAMLLimits {
    static let maxDepth = 32
    static let maxAliases = 100
    static let maxNodes = 100_000

    struct Problem: Equatable {
        /// 1-based, from the YAML's first line.
        var line: Int
        var column: Int
        var message: String
    }

    /// The first limit `yaml` breaks, or nil. A syntax error stops the check quietly: Yams
    /// reports it with its own words.
    static func problem(in yaml: String) -> Problem? {
        var text = yaml
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var scan = Scan()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = scan.visit(event) { return problem }
            }
        }
    }

    /// What has been seen so far: the open collections, the anchors, the running totals.
    private struct Scan {
        struct Open {
            var isMapping: Bool
            /// In a mapping, whether the next node is a key.
            var expectsKey = true
            var anchor: String?
            var nodesAtStart: Int
        }
        struct Anchored { var nodes: Int; var isCollection: Bool }

        var open: [Open] = []
        var anchors: [String: Anchored] = [:]
        var aliases = 0
        /// Nodes the document stands for so far, every alias counted as what it names.
        var nodes = 0

        mutating func visit(_ event: yaml_event_t) -> Problem? {
            let mark = event.start_mark
            let at = { (message: String) in Problem(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message) }
            let isKey = open.last.map { $0.isMapping && $0.expectsKey } ?? false
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let tag = string(event.data.scalar.tag) { return at(tagMessage(tag)) }
                nodes += 1
                if let anchor = string(event.data.scalar.anchor) { anchors[anchor] = Anchored(nodes: 1, isCollection: false) }
                completeNode()
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > YAMLLimits.maxAliases {
                    return at("more than \(YAMLLimits.maxAliases) aliases (*name); write the values out instead")
                }
                let name = string(event.data.alias.anchor) ?? ""
                // An alias of an anchor not (yet) defined is Yams' to report.
                let anchored = anchors[name] ?? Anchored(nodes: 1, isCollection: false)
                if isKey, anchored.isCollection {
                    return at("a key must be text, but the alias '*\(Printable.short(name))' names a list or map")
                }
                nodes += anchored.nodes
                if nodes > YAMLLimits.maxNodes {
                    return at("the alias '*\(Printable.short(name))' makes the YAML stand for more than \(YAMLLimits.maxNodes) values; write the values out instead")
                }
                completeNode()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                if let tag = string(tag) { return at(tagMessage(tag)) }
                if isKey { return at("a key must be text, not a \(isMapping ? "map" : "list")") }
                if open.count >= YAMLLimits.maxDepth {
                    return at("lists and maps are nested more than \(YAMLLimits.maxDepth) levels deep")
                }
                let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                open.append(Open(isMapping: isMapping, anchor: anchor, nodesAtStart: nodes))
                nodes += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchors[anchor] = Anchored(nodes: nodes - closed.nodesAtStart, isCollection: true) }
                completeNode()
            default:
                break
            }
            return nil
        }

        /// A key or value has ended: a mapping now expects the other.
        private mutating func completeNode() {
            guard let last = open.indices.last, open[last].isMapping else { return }
            open[last].expectsKey.toggle()
        }

        private func tagMessage(_ tag: String) -> String {
            let written = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            return "YAML tags such as '\(Printable.short(written))' are not allowed: Folio reads every value as text; remove the tag"
        }

        private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
