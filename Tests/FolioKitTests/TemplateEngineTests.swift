import Foundation
import Testing
@testable import FolioKit

/// What Folio's engine does beyond the specification's rules (MustacheRuleTests): the behaviour
/// of swift-mustache that `Layouts/` rely on, constants resolved when templates compile, and the
/// check of names against what pages provide.
@Suite struct TemplateEngineTests {
    var names = TemplateNames(["title", "list", "empty", "flag", "item", "strings", "nav", "home", "months", "quote"])

    func index(_ name: String) -> Int { names.index(of: name)! }

    func object(_ fields: [String: TemplateValue]) -> TemplateObject {
        fields.reduce(into: TemplateObject()) { $0[index($1.key)] = $1.value }
    }

    var constants: TemplateObject {
        object(["strings": .object(object(["nav": .object(object(["home": .text("Home & <away>"), "quote": .text("it's")])),
                                           "months": .list([.text("Jan"), .text("Feb")])]))])
    }

    /// Compiles `templates` (the first is rendered) with names checked against everything but `strings`.
    func render(_ templates: [(String, String)], _ value: TemplateObject) -> (output: String?, errors: [TemplateError]) {
        let provided = Set(names.names.filter { $0 != "strings" && $0 != "nav" && $0 != "home" && $0 != "months" && $0 != "quote" }.map(index))
        let (library, errors, _) = TemplateLibrary.compile(templates.map { TemplateLibrary.Source(name: $0.0, text: $0.1) },
                                                        names: names, provided: provided, constants: constants)
        return (library?.render(templates[0].0, value), errors)
    }

    @Test func aPresentEmptyStringCountsAsSet() {
        #expect(render([("t", "{{#title}}[{{title}}]{{/title}}{{^title}}none{{/title}}")], object(["title": .text("")])).output == "[]")
        #expect(render([("t", "{{#title}}[{{title}}]{{/title}}{{^title}}none{{/title}}")], TemplateObject()).output == "none")
    }

    @Test func listPositionsOpenAndCloseAWrapper() {
        let template = "{{#list}}{{#first()}}<ol>{{/first()}}<li>{{index()}}:{{.}}</li>{{#last()}}</ol>{{/last()}}{{/list}}"
        let three = object(["list": .list([.text("a"), .text("b"), .text("c")])])
        #expect(render([("t", template)], three).output == "<ol><li>0:a</li><li>1:b</li><li>2:c</li></ol>")
        #expect(render([("t", template)], object(["list": .list([])])).output == "")
        #expect(render([("t", template)], TemplateObject()).output == "")
    }

    @Test func listPositionsAreNotSeenThroughPartialsOrInnerSections() {
        let template = "{{#list}}{{>p}}{{#item}}{{#first()}}F{{/first()}}{{/item}}{{/list}}"
        let value = object(["list": .list([.object(object(["item": .text("x")]))])])
        #expect(render([("t", template), ("p", "{{#first()}}P{{/first()}}.")], value).output == ".")
    }

    @Test func blocksAParentOverridesReachThePartialsItIncludes() {
        let templates = [("page", "{{<base}}{{$current}} aria-current{{/current}}{{/base}}"),
                         ("base", "<nav>{{>header}}</nav>"), ("header", "<a{{$current}}{{/current}}>")]
        #expect(render(templates, TemplateObject()).output == "<nav><a aria-current></nav>")
    }

    @Test func constantsAreResolvedWhenTemplatesCompile() {
        let output = render([("t", "{{strings.nav.home}}|{{{strings.nav.home}}}|{{& strings.nav.quote}}|{{#strings.months}}{{.}} {{/strings.months}}")],
                            TemplateObject()).output
        #expect(output == "Home &amp; &lt;away&gt;|Home & <away>|it's|Jan Feb ")
    }

    @Test func numbersAndFlagsAreWrittenAsText() {
        #expect(render([("t", "{{title}} {{flag}}")], object(["title": .number(42), "flag": .flag(false)])).output == "42 false")
    }

    @Test func namesNoPageProvidesAreErrorsWithTheirPlace() {
        let errors = render([("t", "a\n  {{titel}} {{#list}}{{.}}{{lsit.x}}{{/list}}")], TemplateObject()).errors
        #expect(errors.map(\.message) == ["no page provides a value named 'titel'", "no page provides a value named 'lsit'"])
        #expect(errors.map(\.suggestion) == ["title", "list"])
        #expect(errors.map { [$0.line, $0.column] } == [[2, 3], [2, 27]])
    }

    @Test func aTemplateThatIncludesItselfWithoutEndStops() {
        let output = render([("t", "x{{>t}}")], TemplateObject()).output ?? ""
        #expect(output.count == TemplateRenderer.depthLimit + 1)
    }

    @Test func namesOutsideTheVocabularyAreAddedWhenUnchecked() {
        let (library, errors, _) = TemplateLibrary.compile([TemplateLibrary.Source(name: "t", text: "{{a.b}}{{c}}")], names: TemplateNames())
        #expect(errors.isEmpty)
        #expect(library?.names.names == ["a", "b", "c"])
    }
}
