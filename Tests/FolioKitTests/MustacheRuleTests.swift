import Testing
@testable import FolioKit

/// The rules of the Mustache specification (interpolation, sections, inverted sections, comments,
/// partials, set delimiters, inheritance, standalone lines), one small case per rule, run through
/// Folio's template engine with names left unchecked as a generic Mustache engine would.
@Suite struct MustacheRuleTests {
    /// Data as a case writes it; turned into typed values once the names are known.
    indirect enum Data: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                        ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
        case text(String), number(Int), flag(Bool), list([Data]), object([(String, Data)])

        init(stringLiteral value: String) { self = .text(value) }
        init(integerLiteral value: Int) { self = .number(value) }
        init(booleanLiteral value: Bool) { self = .flag(value) }
        init(arrayLiteral elements: Data...) { self = .list(elements) }
        init(dictionaryLiteral elements: (String, Data)...) { self = .object(elements) }

        var keys: [String] {
            switch self {
            case .object(let fields): fields.map(\.0) + fields.flatMap(\.1.keys)
            case .list(let elements): elements.flatMap(\.keys)
            default: []
            }
        }

        func value(_ names: TemplateNames) -> TemplateValue {
            switch self {
            case .text(let text): .text(text)
            case .number(let number): .number(number)
            case .flag(let flag): .flag(flag)
            case .list(let elements): .list(elements.map { $0.value(names) })
            case .object(let fields):
                .object(fields.reduce(into: TemplateObject()) { $0[names.index(of: $1.0)!] = $1.1.value(names) })
            }
        }
    }

    /// Renders `template` with `partials` beside it; nil and the errors when it does not compile.
    func render(_ template: String, _ data: Data = [:], partials: [String: String] = [:]) -> (output: String?, errors: [TemplateError]) {
        let names = TemplateNames(data.keys)
        let sources = [TemplateLibrary.Source(name: " main", text: template)]
            + partials.keys.sorted().map { TemplateLibrary.Source(name: $0, text: partials[$0]!) }
        let (library, errors, _) = TemplateLibrary.compile(sources, names: names)
        return (library?.render(" main", value: data.value(names)), errors)
    }

    func expect(_ template: String, _ data: Data = [:], partials: [String: String] = [:], gives expected: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (output, errors) = render(template, data, partials: partials)
        #expect(errors.isEmpty, "\(template.debugDescription) did not compile: \(errors)", sourceLocation: sourceLocation)
        #expect(output == expected, "\(template.debugDescription)", sourceLocation: sourceLocation)
    }

    // MARK: Interpolation

    @Test func interpolationEscapesHTMLUnlessTripledOrAmpersand() {
        expect("Dear {{name}},", ["name": "Ana"], gives: "Dear Ana,")
        expect("{{markup}}", ["markup": "<b>\"R&D\"</b> 'ok'"], gives: "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;ok&#39;")
        expect("{{{markup}}}", ["markup": "<b>R&D</b>"], gives: "<b>R&D</b>")
        expect("{{&markup}}", ["markup": "<b>R&D</b>"], gives: "<b>R&D</b>")
        expect("{{ name }}|{{{ name }}}|{{& name }}", ["name": "x"], gives: "x|x|x")
        expect("{{count}} projects", ["count": 50], gives: "50 projects")
    }

    @Test func aMissingNameIsEmpty() {
        expect("[{{nothing}}][{{{nothing}}}][{{&nothing}}]", gives: "[][][]")
        expect("[{{a.b.c}}]", ["a": ["b": [:]]], gives: "[]")
    }

    @Test func dottedNamesWalkIntoObjects() {
        expect("{{funding.direct.amount}} EUR", ["funding": ["direct": ["amount": "1,500,000"]]], gives: "1,500,000 EUR")
        // The first part is looked up through the context stack, the rest only inside what it found.
        expect("{{#outer}}({{inner.name}}){{/outer}}", ["outer": ["inner": [:]], "inner": ["name": "wrong"]], gives: "()")
        expect("{{#outer}}({{inner.name}}){{/outer}}", ["outer": ["x": 1], "inner": ["name": "outside"]], gives: "(outside)")
    }

    @Test func theImplicitIteratorIsTheCurrentValue() {
        expect("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["drones", "R&D"]], gives: "<drones><R&amp;D>")
        expect("{{#tags}}<{{{.}}}>{{/tags}}", ["tags": ["R&D"]], gives: "<R&D>")
    }

    @Test func whitespaceAroundInterpolationIsKept() {
        expect("  {{name}}\n", ["name": "x"], gives: "  x\n")
        expect("| {{name}} |", ["name": "x"], gives: "| x |")
    }

    // MARK: Sections

    @Test func aSectionRendersForTruthAndSkipsFalsehoodAndAbsence() {
        expect("[{{#on}}shown{{/on}}]", ["on": true], gives: "[shown]")
        expect("[{{#on}}shown{{/on}}]", ["on": false], gives: "[]")
        expect("[{{#on}}shown{{/on}}]", gives: "[]")
        expect("[{{#list}}shown{{/list}}]", ["list": []], gives: "[]")
    }

    @Test func aSectionOverAnObjectMakesItTheContextAndStillSeesTheOuterOnes() {
        expect("{{#partner}}{{name}} ({{country}}){{/partner}}", ["partner": ["name": "Agro SL", "country": "ES"]], gives: "Agro SL (ES)")
        expect("{{#partner}}{{name}} for {{programme}}{{/partner}}", ["partner": ["name": "Agro SL"], "programme": "ACTTiVAte"],
               gives: "Agro SL for ACTTiVAte")
        // The innermost context that has the name wins.
        expect("{{#a}}{{#b}}{{name}}{{/b}}{{/a}}", ["a": ["name": "a", "b": ["name": "b"]]], gives: "b")
    }

    @Test func aSectionOverAListRendersOncePerElement() {
        expect("{{#items}}{{n}},{{/items}}", ["items": [["n": 1], ["n": 2], ["n": 3]]], gives: "1,2,3,")
        expect("{{#rows}}{{#cells}}[{{.}}]{{/cells}};{{/rows}}", ["rows": [["cells": ["a", "b"]], ["cells": ["c"]]]], gives: "[a][b];[c];")
    }

    @Test func sectionsTakeDottedNames() {
        expect("{{#a.b.on}}yes{{/a.b.on}}", ["a": ["b": ["on": true]]], gives: "yes")
        expect("[{{#a.b.on}}yes{{/a.b.on}}]", ["a": ["b": [:]]], gives: "[]")
    }

    @Test func standaloneSectionTagsTakeTheirWholeLine() {
        expect("| Begin\n{{#on}}\n| Inside\n{{/on}}\n| End\n", ["on": true], gives: "| Begin\n| Inside\n| End\n")
        expect("| Begin\n   {{#on}}\n| Inside\n   {{/on}}\n| End\n", ["on": true], gives: "| Begin\n| Inside\n| End\n")
        expect("| Begin\r\n{{#on}}\r\n| Inside\r\n{{/on}}\r\n", ["on": true], gives: "| Begin\r\n| Inside\r\n")
        expect("{{#on}}\n#{{/on}}\n/", ["on": true], gives: "#\n/")
        // Not standalone when the line holds anything else.
        expect(" {{#on}}yes{{/on}}\n", ["on": true], gives: " yes\n")
    }

    // MARK: Inverted sections

    @Test func anInvertedSectionRendersForFalsehoodAbsenceAndEmptyLists() {
        expect("[{{^on}}none{{/on}}]", ["on": false], gives: "[none]")
        expect("[{{^on}}none{{/on}}]", ["on": true], gives: "[]")
        expect("[{{^missing}}none{{/missing}}]", gives: "[none]")
        expect("[{{^list}}none{{/list}}]", ["list": []], gives: "[none]")
        expect("[{{^list}}none{{/list}}]", ["list": ["x"]], gives: "[]")
        expect("| A\n{{^on}}\n| B\n{{/on}}\n| C\n", ["on": false], gives: "| A\n| B\n| C\n")
    }

    // MARK: Comments

    @Test func commentsWriteNothingAndStandaloneOnesTakeTheirLine() {
        expect("12{{! not shown }}34", gives: "1234")
        expect("12{{!\n  over\n  lines\n}}34", gives: "1234")
        expect("Begin\n{{! alone on its line }}\nEnd\n", gives: "Begin\nEnd\n")
        expect("Begin\n  {{! indented }}\nEnd\n", gives: "Begin\nEnd\n")
        expect("  12 {{! inline }}\n", gives: "  12 \n")
    }

    // MARK: Partials

    @Test func aPartialRendersInTheCallersContext() {
        expect("<{{>card}}>", partials: ["card": "a card"], gives: "<a card>")
        expect("{{#projects}}{{>card}};{{/projects}}", ["projects": [["title": "A"], ["title": "B"]]],
               partials: ["card": "[{{title}}]"], gives: "[A];[B];")
    }

    @Test func aPartialMayIncludeItselfThroughASection() {
        expect("{{>node}}", ["content": "X", "nodes": [["content": "Y", "nodes": []]]],
               partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], gives: "X<Y<>>")
    }

    @Test func aStandalonePartialIsIndentedLineByLine() {
        expect("begin\n  {{>box}}\nend\n", partials: ["box": "|\n|\n"], gives: "begin\n  |\n  |\nend\n")
    }

    /// Where Folio differs from the specification on purpose: a partial that does not exist would
    /// render as nothing there; here the layouts do not load, with the tag's place.
    @Test func aMissingPartialIsAnErrorAtItsTag() {
        let (output, errors) = render("one\n  {{>sidebar}}")
        #expect(output == nil)
        #expect(errors.map(\.message) == ["no template named 'sidebar'"])
        #expect(errors.first.map { [$0.line, $0.column] } == [2, 3])
    }

    // MARK: Set delimiters

    @Test func delimitersCanBeChanged() {
        expect("{{=<% %>=}}(<%name%>)", ["name": "x"], gives: "(x)")
        expect("[{{=| |=}}|name| |={{ }}=|{{name}}]", ["name": "x"], gives: "[x x]")
    }

    // MARK: Inheritance

    @Test func aBlockShowsItsDefaultUnlessAParentIsOverridden() {
        expect("<{{$title}}Default{{/title}}>", gives: "<Default>")
        expect("{{<page}}{{$title}}Projects{{/title}}{{/page}}", partials: ["page": "<h1>{{$title}}Home{{/title}}</h1>"],
               gives: "<h1>Projects</h1>")
        expect("{{<page}}{{/page}}", partials: ["page": "<h1>{{$title}}Home{{/title}}</h1>"], gives: "<h1>Home</h1>")
    }

    @Test func overridesReadTheCallersValuesAndOnlyBlocksCount() {
        expect("{{<page}}ignored text{{$title}}{{name}}{{/title}}{{/page}}", ["name": "Agri-sat"],
               partials: ["page": "[{{$title}}x{{/title}}]"], gives: "[Agri-sat]")
    }

    @Test func inheritanceChainsThroughSeveralParents() {
        expect("{{<middle}}{{$body}}mine{{/body}}{{/middle}}",
               partials: ["middle": "{{<base}}{{$head}}middle's head{{/head}}{{/base}}",
                          "base": "{{$head}}base head{{/head}}|{{$body}}base body{{/body}}"],
               gives: "middle's head|mine")
    }
}
