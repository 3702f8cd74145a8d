import Foundation
import Yams

/// The layouts folder loaded: templates compiled by name, the interface strings, and where the
/// static assets are. Immutable once loaded, so pages render from it concurrently.
public struct Theme: Sendable {
    public let folder: URL
    let library: TemplateLibrary
    /// Every string by its dotted path (`stages.market`): cards ask for several per project.
    private let stringsByPath: [String: String]
    /// `months` from `strings.yaml`, for dates.
    private let months: [String]
    /// CPU time spent in the template engine, on all cores, for `folio build --verbose`.
    let templateTime: CPUTimeTally
    /// The language of these strings (nil: `strings.yaml`, the default language's).
    public private(set) var languageCode: String?
    /// The same templates with `strings.<code>.yaml`, by language code (see `speaking(_:)`).
    private var otherLanguages: [String: Theme] = [:]
    /// How many strings `strings.yaml` has, and how many of them each other language's file gives.
    public private(set) var stringCount = 0
    public private(set) var translatedStrings: [String: Int] = [:]

    public static let requiredTemplates = ["base", "home", "projects", "project", "taxonomy", "partners",
                                           "news-list", "news-item", "metrics", "page", "booklet", "booklet-edition", "404"]

    /// Loads the folder; problems are reported at the layout file's line.
    /// `languages` are the site's language codes, default first: each other one needs its own
    /// `strings.<code>.yaml` with the same keys as `strings.yaml`.
    public static func load(from folder: URL, languages: [String] = []) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let (stringsNode, stringsDiagnostics) = loadStrings(from: folder)
        var diagnostics = stringsDiagnostics
        var names = TemplateNames(TemplateKey.allCases.map(\.name))
        var constants = TemplateObject()
        constants[.strings] = stringsNode.map { templateValue($0, names: &names) } ?? .object(TemplateObject())
        var sources: [TemplateLibrary.Source] = []
        var paths: [String: String] = [:]
        let files = ContentFolder.sortedEntries(of: folder).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let path = folder.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error(at: SourceLocation(file: path), "cannot read template as UTF-8 text"))
                continue
            }
            let name = String(file.dropLast(".mustache".count))
            sources.append(TemplateLibrary.Source(name: name, text: text))
            paths[name] = path
        }
        let provided = Set(TemplateKey.allCases.filter { $0 != .strings }.map(\.rawValue))
        let (library, errors, namesRead) = TemplateLibrary.compile(sources, names: names, provided: provided, constants: constants)
        // Each other language's strings, checked against strings.yaml's keys, compiled with the same templates.
        var others: [(code: String, node: Node, library: TemplateLibrary?)] = []
        for code in languages.dropFirst() {
            let file = folder.appendingPathComponent("strings.\(code).yaml").path
            let (node, problems) = loadStrings(file: file)
            diagnostics += problems
            guard let node, let stringsNode else { continue }
            diagnostics += LanguageStrings.compare(node, file: file, with: stringsNode)
            var names = names
            var constants = TemplateObject()
            constants[.strings] = templateValue(node, names: &names)
            others.append((code, node, TemplateLibrary.compile(sources, names: names, provided: provided, constants: constants).library))
        }
        diagnostics += errors.map { error in
            .error(at: SourceLocation(file: paths[error.template] ?? error.template, line: error.line, column: error.column),
                   error.message, suggestion: error.suggestion)
        }
        for name in requiredTemplates where !files.contains("\(name).mustache") {
            diagnostics.append(.error(at: SourceLocation(file: folder.appendingPathComponent("\(name).mustache").path), "missing template '\(name).mustache'"))
        }

        if let stringsNode {
            let reads = sources.map { (path: paths[$0.name] ?? $0.name, reads: namesRead[$0.name] ?? []) }
            diagnostics += InterfaceStrings.check(stringsNode, file: folder.appendingPathComponent("strings.yaml").path, templates: reads)
        }

        guard let library, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let stringsByPath = stringsNode.map { flatten($0) } ?? [:]
        let months = stringsNode?["months"]?.sequence?.compactMap(\.string) ?? []
        let time = CPUTimeTally()
        var theme = Theme(folder: folder, library: library, stringsByPath: stringsByPath, months: months, templateTime: time)
        theme.stringCount = stringsByPath.count
        for other in others {
            guard let otherLibrary = other.library else { continue }
            var translated = Theme(folder: folder, library: otherLibrary, stringsByPath: flatten(other.node),
                                   months: other.node["months"]?.sequence?.compactMap(\.string) ?? [], templateTime: time)
            translated.languageCode = other.code
            theme.translatedStrings[other.code] = translated.stringsByPath.keys.filter { stringsByPath[$0] != nil }.count
            theme.otherLanguages[other.code] = translated
        }
        return (theme, diagnostics)
    }

    /// These templates with the interface strings of `code`; itself for the default language.
    public func speaking(_ code: String) -> Theme {
        otherLanguages[code] ?? self
    }

    /// `strings.yaml`'s tree, with its problems.
    private static func loadStrings(from folder: URL) -> (Node?, [Diagnostic]) {
        loadStrings(file: folder.appendingPathComponent("strings.yaml").path)
    }

    private static func loadStrings(file stringsPath: String) -> (Node?, [Diagnostic]) {
        let name = URL(fileURLWithPath: stringsPath).lastPathComponent
        guard let text = try? String(contentsOfFile: stringsPath, encoding: .utf8) else {
            let what = name == "strings.yaml" ? "the interface text of the site" : "the interface text of a language site.yaml lists, with the keys of strings.yaml"
            return (nil, [.error(at: SourceLocation(file: stringsPath), "missing \(name): \(what)")])
        }
        let log = DiagnosticLog()
        if let node = YAMLDocument.parse(text, file: stringsPath, firstLine: 1, log: log), node.mapping != nil {
            return (node, log.diagnostics)
        }
        if log.diagnostics.isEmpty { log.error(at: SourceLocation(file: stringsPath), "\(name) must be a map of names to text") }
        return (nil, log.diagnostics)
    }

    private static func flatten(_ node: Node, prefix: String = "") -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in node.mapping ?? [:] {
            let name = prefix + (key.string ?? "")
            if let inner = value.mapping {
                result.merge(flatten(.mapping(inner), prefix: name + ".")) { first, _ in first }
            } else if value.sequence == nil {
                result[name] = value.string ?? ""
            }
        }
        return result
    }

    /// YAML nodes as template values: maps are objects (their keys join the names templates may
    /// use under `strings`), lists are lists, anything else its text.
    private static func templateValue(_ node: Node, names: inout TemplateNames) -> TemplateValue {
        switch node {
        case .mapping(let mapping):
            var object = TemplateObject()
            for (key, value) in mapping { object[names.add(key.string ?? "")] = templateValue(value, names: &names) }
            return .object(object)
        case .sequence(let sequence):
            return .list(sequence.map { templateValue($0, names: &names) })
        default:
            return .text(node.string ?? "")
        }
    }

    public func render(_ template: String, _ context: TemplateObject) -> String {
        templateTime.measure { library.render(template, context) }
    }

    /// A whole page, as the bytes of its file.
    public func renderPage(_ template: String, _ context: TemplateObject) -> Data {
        templateTime.measure { library.renderData(template, context, capacity: 65_536) }
    }

    /// A fragment of pages (a card), its links known from the template as it renders; without the
    /// line break that ends the template, since the page's own ends the line the fragment stands on.
    func renderFragment(_ template: String, _ context: TemplateObject) -> PageFragment {
        let (data, links) = templateTime.measure { library.renderPage(template, context, capacity: 4_096, fragments: []) }
        var html = String(decoding: data, as: UTF8.self)
        if html.hasSuffix("\n") { html.removeLast() }
        return links.map { PageFragment(html: html, links: $0) } ?? PageFragment(html: html)
    }

    /// A page and its links, as far as the templates and the page's `fragments` tell them.
    func renderPage(_ template: String, _ context: TemplateObject, fragments: [PageFragment]) -> (html: Data, links: PageLinks?) {
        templateTime.measure { library.renderPage(template, context, capacity: 65_536, fragments: fragments) }
    }

    public var assetsFolder: URL { folder.appendingPathComponent("assets") }

    /// A string from `strings.yaml` by dotted path (`stages.market`), or the path itself so that a
    /// missing string shows up on the page rather than vanishing.
    public func string(_ path: String) -> String {
        stringsByPath[path] ?? path
    }

    /// The texts directly in one group of `strings.yaml` (`booklet` → `download`, …), by key.
    public func strings(in group: String) -> [String: String] {
        let prefix = group + "."
        return stringsByPath.reduce(into: [:]) { found, entry in
            guard entry.key.hasPrefix(prefix), !entry.key.dropFirst(prefix.count).contains(".") else { return }
            found[String(entry.key.dropFirst(prefix.count))] = entry.value
        }
    }


    /// A string Folio does without when the layouts do not give it (`InterfaceStrings.optional`).
    public func optionalString(_ path: String) -> String? {
        stringsByPath[path]
    }

    /// `2019-05-21` → `21 May 2019`, with month names from `strings.yaml` (`months`) and the order
    /// from `formats.date` (`{day} {month} {year}`).
    public func dateText(_ iso: String) -> String {
        guard let parts = DateText.parts(of: iso) else { return iso }
        let month = months.count == 12 ? months[parts.month - 1] : String(parts.month)
        let format = stringsByPath["formats.date"] ?? "{day} {month} {year}"
        return format.replacingOccurrences(of: "{day}", with: String(parts.day))
            .replacingOccurrences(of: "{month}", with: month)
            .replacingOccurrences(of: "{year}", with: String(parts.year))
    }
}
