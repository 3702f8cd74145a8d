import Foundation
import Testing
@testable import FolioKit

/// The layouts folder is checked when it loads: interface strings of the right keys and types,
/// and every partial a template includes.
@Suite struct LayoutsCheckTests {
    private let scratch: ScratchLayouts
    var layouts: URL { scratch.url }

    init() throws { scratch = try ScratchLayouts() }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let url = layouts.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// 1-based line of the first line of `file` that starts with `prefix`.
    func line(of prefix: String, in file: String) throws -> Int {
        let lines = try String(contentsOf: layouts.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    @Test func theShippedLayoutsLoadWithoutAWord() {
        let (theme, diagnostics) = Theme.load(from: BuildTests.layouts)
        #expect(theme != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    }

    @Test func aListWhereTextBelongsIsAnErrorAtItsLine() throws {
        try edit("strings.yaml") { $0.replacingOccurrences(of: "skipLink: Skip to content", with: "skipLink: [Skip, to, content]") }
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.location.file.hasSuffix("strings.yaml"))
        #expect(error.location.line == (try line(of: "skipLink:", in: "strings.yaml")))
        #expect(error.location.column == 11)
        #expect(error.message.contains("'skipLink' must be text"))
    }

    @Test func aStringTheCodeReadsMustBeThereAndBeText() throws {
        try edit("strings.yaml") { text in
            let titles = text.range(of: "\ntitles:\n")!
            return text.replacingOccurrences(of: "\n  notFound: ", with: "\n  notFoundTitle: ", range: titles.lowerBound..<text.endIndex)
        }
        let (_, diagnostics) = Theme.load(from: layouts)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("missing string 'titles.notFound'") }, "\(diagnostics.map(\.text))")
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("unknown string 'titles.notFoundTitle'") })
    }

    @Test func aStringATemplateReadsIsNamedWithTheTemplateLine() throws {
        try edit("page.mustache") { $0.replacingOccurrences(of: "<div class=\"wrap\">", with: "<div class=\"wrap\">{{strings.nav.hoem}}") }
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme == nil)
        let error = try #require(diagnostics.first { $0.message.contains("missing string 'nav.hoem'") })
        #expect(error.location.file.hasSuffix("strings.yaml"))
        #expect(error.message.contains("page.mustache:4:"))
    }

    /// The names are the template parser's own, so a template that changes its delimiters is read too.
    @Test func aStringReadWithOtherDelimitersIsNamedWithItsLine() throws {
        try edit("page.mustache") { $0.replacingOccurrences(of: "<div class=\"wrap\">", with: "<div class=\"wrap\">{{=<% %>=}}<%strings.nav.hoem%><%={{ }}=%>") }
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme == nil)
        let error = try #require(diagnostics.first { $0.message.contains("missing string 'nav.hoem'") })
        #expect(error.message.contains("page.mustache:4:"))
    }

    @Test func anUnknownStringIsAWarningWithTheNearestKnownOne() throws {
        try edit("strings.yaml") { $0.replacingOccurrences(of: "skipLink: Skip to content", with: "skipLink: Skip to content\nskipLinc: Skip") }
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme != nil)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == (try line(of: "skipLinc:", in: "strings.yaml")))
        #expect(warning.suggestion == "skipLink")
    }

    @Test func monthsMustBeTwelveTexts() throws {
        try edit("strings.yaml") { $0.replacingOccurrences(of: ", December]", with: "]") }
        let (_, diagnostics) = Theme.load(from: layouts)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("'months' must be a list of 12 texts") })
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() throws {
        try edit("page.mustache") { $0.replacingOccurrences(of: "<div class=\"wrap\">", with: "<div class=\"wrap\">\n  {{> sidebar }}") }
        let (theme, diagnostics) = Theme.load(from: layouts)
        #expect(theme == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.location.file.hasSuffix("page.mustache"))
        #expect(error.location.line == 5)
        #expect(error.location.column == 3)
        #expect(error.message.contains("no template named 'sidebar'"))
    }

    /// Every literal key the code reads (`string("a.b")`) is in `InterfaceStrings.readByFolio`.
    @Test func theListOfStringsFolioReadsIsComplete() throws {
        let sources = BuildTests.repository.appendingPathComponent("Sources")
        let listed = Set(InterfaceStrings.readByFolio + InterfaceStrings.optional)
        for path in FileTree.files(in: sources) where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /string\("([a-zA-Z]+\.[A-Za-z0-9_.]*[A-Za-z0-9_])"\)/) {
                #expect(listed.contains(String(match.1)), "\(path) reads '\(match.1)', which InterfaceStrings does not list")
            }
        }
    }
}
