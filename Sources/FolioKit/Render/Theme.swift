import Foundation
import Mustache
import Yams

/// The layouts folder loaded: Mustache templates by name, the interface strings, and where the
/// static assets are. Immutable once loaded, so pages render from it concurrently.
public struct Theme: @unchecked Sendable {
    public let folder: URL
    let library: MustacheLibrary
    /// `strings.yaml` as plain dictionaries, arrays and strings, ready to hand to Mustache.
    let strings: [String: Any]
    /// Every string by its dotted path (`stages.market`): cards ask for several per project.
    private let stringsByPath: [String: String]
    /// CPU time spent in the template engine, on all cores, for `folio build --verbose`.
    let templateTime = CPUTimeTally()

    public static let requiredTemplates = ["base", "home", "projects", "project", "taxonomy", "partners",
                                           "news-list", "news-item", "metrics", "page", "booklet", "booklet-edition", "404"]

    /// Loads the folder; problems are reported at the layout file's line.
    public static func load(from folder: URL) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let (strings, stringsNode, stringsDiagnostics) = loadStrings(from: folder)
        var diagnostics = stringsDiagnostics
        var references: [(path: String, references: TemplateReferences)] = []
        let stringsByPath = flatten(strings)
        HTMLEscaping.register()
        var library = MustacheLibrary()
        let names = ContentFolder.sortedEntries(of: folder).filter { $0.hasSuffix(".mustache") }
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error(at: SourceLocation(file: path), "cannot read template as UTF-8 text"))
                continue
            }
            references.append((path, TemplateReferences(of: text)))
            do {
                // Parsed as written first, so that errors point at the editor's own line and column.
                let template = try MustacheTemplate(string: text)
                let inlined = HTMLEscaping.pragma + ConstantStrings.inline(into: text, strings: stringsByPath)
                library.register((try? MustacheTemplate(string: inlined)) ?? template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber),
                                          "template error: \(error.error)"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: path), "template error: \(error)"))
            }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil && !names.contains("\(name).mustache") {
            diagnostics.append(.error(at: SourceLocation(file: folder.appendingPathComponent("\(name).mustache").path), "missing template '\(name).mustache'"))
        }

        diagnostics += missingPartials(references, names: Set(names.map { String($0.dropLast(".mustache".count)) }))
        if let stringsNode {
            diagnostics += InterfaceStrings.check(stringsNode, file: folder.appendingPathComponent("strings.yaml").path, templates: references)
        }

        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(folder: folder, library: library, strings: strings, stringsByPath: stringsByPath), diagnostics)
    }

    /// A partial or parent that is not in the folder renders as nothing, without a word: an
    /// error at the tag instead.
    private static func missingPartials(_ references: [(path: String, references: TemplateReferences)], names: Set<String>) -> [Diagnostic] {
        references.flatMap { path, found in
            found.partials.filter { !names.contains($0.name) }.map { partial in
                Diagnostic.error(at: SourceLocation(file: path, line: partial.line, column: partial.column),
                                 "no template '\(partial.name).mustache' in the layouts folder for '{{>\(partial.name)}}'",
                                 suggestion: Suggestion.closest(to: partial.name, in: names))
            }
        }
    }

    /// `strings.yaml` as plain values and as composed (for its lines), with its problems.
    private static func loadStrings(from folder: URL) -> ([String: Any], Node?, [Diagnostic]) {
        let stringsPath = folder.appendingPathComponent("strings.yaml").path
        guard let text = try? String(contentsOfFile: stringsPath, encoding: .utf8) else {
            return ([:], nil, [.error(at: SourceLocation(file: stringsPath), "missing strings.yaml: the interface text of the site")])
        }
        let log = DiagnosticLog()
        if let node = YAMLDocument.parse(text, file: stringsPath, firstLine: 1, log: log), let map = plain(node) as? [String: Any] {
            return (map, node, log.diagnostics)
        }
        if log.diagnostics.isEmpty { log.error(at: SourceLocation(file: stringsPath), "strings.yaml must be a map of names to text") }
        return ([:], nil, log.diagnostics)
    }

    private static func flatten(_ map: [String: Any], prefix: String = "") -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in map {
            if let text = value as? String {
                result[prefix + key] = text
            } else if let inner = value as? [String: Any] {
                result.merge(flatten(inner, prefix: prefix + key + ".")) { first, _ in first }
            }
        }
        return result
    }

    /// YAML nodes as the dictionaries, arrays and strings Mustache reads.
    private static func plain(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, value) in mapping { result[key.string ?? ""] = plain(value) }
            return result
        case .sequence(let sequence):
            return sequence.map(plain)
        default:
            return node.string ?? ""
        }
    }

    public func render(_ template: String, _ context: [String: Any]) -> String {
        templateTime.measure { library.render(context, withTemplate: template) ?? "" }
    }

    public var assetsFolder: URL { folder.appendingPathComponent("assets") }

    /// A string from `strings.yaml` by dotted path (`stages.market`), or the path itself so that a
    /// missing string shows up on the page rather than vanishing.
    public func string(_ path: String) -> String {
        stringsByPath[path] ?? path
    }


    /// `2019-05-21` → `21 May 2019`, with month names from `strings.yaml` (`months`) and the order
    /// from `formats.date` (`{day} {month} {year}`).
    public func dateText(_ iso: String) -> String {
        guard let parts = DateText.parts(of: iso) else { return iso }
        let months = (strings["months"] as? [Any])?.compactMap { $0 as? String } ?? []
        let month = months.count == 12 ? months[parts.month - 1] : String(parts.month)
        let format = (strings["formats"] as? [String: Any])?["date"] as? String ?? "{day} {month} {year}"
        return format.replacingOccurrences(of: "{day}", with: String(parts.day))
            .replacingOccurrences(of: "{month}", with: month)
            .replacingOccurrences(of: "{year}", with: String(parts.year))
    }
}
