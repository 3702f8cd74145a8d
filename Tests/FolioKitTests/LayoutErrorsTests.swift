import Foundation
import Testing
@testable import FolioKit

/// Mistakes in a layout are reported when the layouts load, at the template's own line and
/// column, with a near miss where there is one: a copy of the real `Layouts/` with one mistake.
@Suite struct LayoutErrorsTests {
    private let scratch: ScratchLayouts
    var layouts: URL { scratch.url }

    init() throws { scratch = try ScratchLayouts() }

    /// Appends `line` to the template `name` (after its last line) and loads the folder.
    func load(adding line: String, to name: String) throws -> (diagnostics: [Diagnostic], line: Int) {
        let url = layouts.appendingPathComponent("\(name).mustache")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + line + "\n").write(to: url, atomically: true, encoding: .utf8)
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme == nil)
        return (diagnostics, text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test func aValueNoPageProvidesIsAnErrorWithASuggestion() throws {
        let (diagnostics, line) = try load(adding: "<p>{{projetc.title}}</p>", to: "page")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location == SourceLocation(file: layouts.appendingPathComponent("page.mustache").path, line: line, column: 4))
        #expect(diagnostic.text == "no page provides a value named 'projetc'; did you mean 'project'?")
    }

    @Test func aMisspeltNameInsideAValueIsCaughtToo() throws {
        let (diagnostics, _) = try load(adding: "{{#project}}{{titel}} {{call.nmae}}{{/project}}", to: "project")
        #expect(diagnostics.map(\.text) == ["no page provides a value named 'titel'; did you mean 'title'?",
                                            "no page provides a value named 'nmae'; did you mean 'name'?"])
    }

    @Test func anInterfaceStringMissingFromStringsYAMLIsAnError() throws {
        let (diagnostics, line) = try load(adding: "{{strings.nav.hom}}", to: "footer")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.line == line && diagnostic.location.column == 1)
        #expect(diagnostic.text == "'strings.nav.hom' is not defined; did you mean 'strings.nav.home'?")
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() throws {
        let (diagnostics, line) = try load(adding: "{{>heder}}", to: "home")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: layouts.appendingPathComponent("home.mustache").path, line: line, column: 1))
        #expect(diagnostic.text == "no template named 'heder'; did you mean 'header'?")
    }

    @Test func anUnknownFunctionIsAnError() throws {
        let (diagnostics, _) = try load(adding: "{{#figures}}{{#frist()}}x{{/frist()}}{{/figures}}", to: "metrics")
        #expect(diagnostics.map(\.text).first?.hasSuffix("did you mean 'first()'?") == true)
    }

    @Test func aSectionNeverClosedIsReportedWhereItOpens() throws {
        let (diagnostics, line) = try load(adding: "  {{#menu}}<li>", to: "header")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.line == line && diagnostic.location.column == 3)
        #expect(diagnostic.text == "'menu' is opened here but never closed with '{{/menu}}'")
    }

    @Test func aWrongEndTagNamesTheOpenSection() throws {
        let (diagnostics, line) = try load(adding: "{{#menu}}\n{{/menus}}", to: "header")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.line == line + 1 && diagnostic.location.column == 4)
        #expect(diagnostic.text == "'menus' closes the section 'menu' opened at \(line):1")
    }
}
