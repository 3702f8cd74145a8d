import Foundation

/// Templates compiled together, so that each can include the others by name. Compiled once when
/// the layouts load; immutable, so pages render from it on every core at once.
public struct TemplateLibrary: Sendable {
    public struct Source: Sendable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The vocabulary the templates were compiled with, grown by any name met when unchecked.
    public let names: TemplateNames
    private let templates: [[TemplateNode]]
    private let indices: [String: Int]
    let constants: TemplateObject

    /// Compiles every source. `provided` is the set of names render contexts may provide: a tag
    /// naming anything else is an error (nil: no check). `constants` sit at the bottom of every
    /// render's context stack; their top-level names must be ones no context provides.
    /// `namesRead` gives, by template name, every name its tags read, also when it did not compile.
    public static func compile(_ sources: [Source], names: TemplateNames, provided: Set<Int>? = nil, constants: TemplateObject = TemplateObject())
        -> (library: TemplateLibrary?, errors: [TemplateError], namesRead: [String: [TemplateNameRead]]) {
        let indices = Dictionary(sources.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var references = TemplateReferences(names: names, provided: provided, constants: constants, partials: indices)
        var templates: [[TemplateNode]] = []
        var errors: [TemplateError] = []
        var namesRead: [String: [TemplateNameRead]] = [:]
        for source in sources {
            var parser = TemplateParser(source.text, references: references)
            func located(_ offset: Int, _ message: String, _ suggestion: String? = nil) -> TemplateError {
                let (line, column) = parser.lineAndColumn(of: offset)
                return TemplateError(template: source.name, line: line, column: column, message: message, suggestion: suggestion)
            }
            do {
                templates.append(try parser.parse())
            } catch let problem as TemplateParser.SyntaxError {
                errors.append(located(problem.offset, problem.message))
                templates.append([])
            } catch {
                templates.append([])
            }
            errors += parser.nameErrors.map { located($0.offset, $0.message, $0.suggestion) }
            let places = parser.linesAndColumns(of: parser.namesRead.map(\.offset))
            namesRead[source.name] = zip(parser.namesRead, places).map { read, place in
                TemplateNameRead(name: read.name, line: place.line, column: place.column, isSection: read.isSection)
            }
            references = parser.references
        }
        guard errors.isEmpty else { return (nil, errors, namesRead) }
        return (TemplateLibrary(names: references.names, templates: templates, indices: indices, constants: constants), [], namesRead)
    }

    public func contains(_ name: String) -> Bool { indices[name] != nil }

    /// The template `name` rendered with `value` on top of the constants; empty if there is no
    /// such template. `capacity` is a guess at the size, to spare the output buffer regrowing.
    public func render(_ name: String, _ value: TemplateObject, capacity: Int = 16_384) -> String {
        render(name, value: .object(value), capacity: capacity)
    }

    /// The same for any value on top of the stack (the specification renders plain strings too).
    public func render(_ name: String, value: TemplateValue, capacity: Int = 16_384) -> String {
        String(decoding: bytes(name, value, capacity: capacity), as: UTF8.self)
    }

    /// The rendered bytes, for a file: no detour through `String`, whose bytes would be checked
    /// and copied again.
    public func renderData(_ name: String, _ value: TemplateObject, capacity: Int = 16_384) -> Data {
        Data(bytes(name, .object(value), capacity: capacity))
    }

    /// An HTML page's bytes and its links, known from the templates and the `fragments` it holds
    /// (nil when the page must be read to know them).
    func renderPage(_ name: String, _ value: TemplateObject, capacity: Int, fragments: [PageFragment]) -> (html: Data, links: PageLinks?) {
        // The fragments are most of a long page: room for them at once, rather than doubling past them.
        let room = capacity + fragments.reduce(0) { $0 + $1.html.utf8.count }
        guard let renderer = rendered(name, .object(value), capacity: room, links: RenderedLinks(fragments: fragments)) else { return (Data(), PageLinks()) }
        return (Data(renderer.output), renderer.links?.links)
    }

    private func bytes(_ name: String, _ value: TemplateValue, capacity: Int) -> [UInt8] {
        rendered(name, value, capacity: capacity)?.output ?? []
    }

    /// The renderer once it has rendered template `name`; nil if there is no such template.
    private func rendered(_ name: String, _ value: TemplateValue, capacity: Int, links: RenderedLinks? = nil) -> TemplateRenderer? {
        guard let index = indices[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, constants: constants, capacity: capacity, links: links)
        renderer.render(template: index, with: value)
        return renderer
    }
}
