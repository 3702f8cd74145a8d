import Foundation
import Testing
@testable import FolioKit

/// An id given to two elements of a page (a heading `## Main` on a page whose layout has
/// `<main id="main">`) sends the skip link and every `#main` to one of them and makes the page
/// invalid HTML: it stops the build, at the heading's line when a body's heading is one of the two.
@Suite struct RepeatedIDTests {
    private static let heading = "## Main\n\nWhat the project found.\n"

    private func fixtureWithMainHeading() throws -> BuildTests {
        let fixture = try BuildTests()
        let project = fixture.content.appendingPathComponent("projects/field-drone.md")
        let text = try String(contentsOf: project, encoding: .utf8)
        try (text + "\n" + Self.heading).write(to: project, atomically: true, encoding: .utf8)
        return fixture
    }

    private func headingLine(in fixture: BuildTests) throws -> Int {
        let text = try String(contentsOf: fixture.content.appendingPathComponent("projects/field-drone.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex(of: "## Main")) + 1
    }

    private func expectHeadingReported(_ report: Pipeline.BuildReport, line: Int) {
        #expect(!report.succeeded)
        let found = report.diagnostics.filter { $0.message.contains("gets the id 'main'") }
        #expect(found.count == 1, "\(report.diagnostics.map(\.text))")
        #expect(found.first?.location.file.hasSuffix("projects/field-drone.md") == true)
        #expect(found.first?.location.line == line)
    }

    @Test func aBodyHeadingWithTheLayoutsIdStopsTheBuildAtItsLine() throws {
        let fixture = try fixtureWithMainHeading()
        let report = fixture.build()
        expectHeadingReported(report, line: try headingLine(in: fixture))
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path), "a failed build wrote its output")
    }

    /// The same when every page is read back with libxml2, and again when the rebuild takes the
    /// pages' scans from the cache.
    @Test func aPageReadBackReportsItToo() throws {
        let fixture = try fixtureWithMainHeading()
        let layouts = try ScratchLayouts()
        try layouts.makeEveryPageRead()
        let line = try headingLine(in: fixture)
        for _ in 0..<2 {
            expectHeadingReported(Pipeline.build(.init(content: fixture.content, layouts: layouts.url, output: fixture.output)), line: line)
        }
    }

    /// The single-page edition gives each chapter its project's name as id.
    @Test func aProjectNamedAsAPartOfTheBookletIsReportedAtItsFile() throws {
        let fixture = try BuildTests()
        let source = fixture.content.appendingPathComponent("projects/field-drone.md")
        try FileManager.default.moveItem(at: source, to: fixture.content.appendingPathComponent("projects/colophon.md"))
        for other in try FileManager.default.contentsOfDirectory(atPath: fixture.content.appendingPathComponent("projects").path) {
            let file = fixture.content.appendingPathComponent("projects/" + other)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "field-drone.md", with: "colophon.md").write(to: file, atomically: true, encoding: .utf8)
        }
        let report = fixture.build()
        #expect(!report.succeeded)
        let found = report.diagnostics.filter { $0.message.contains("the project's name 'colophon'") }
        #expect(found.count == 1 && found.first?.location.file.hasSuffix("projects/colophon.md") == true && found.first?.location.line == 1,
                "\(report.diagnostics.map(\.text))")
    }

    @Test func aLayoutThatRepeatsAnIdIsReportedAtTheLayout() throws {
        let fixture = try BuildTests()
        let layouts = try ScratchLayouts()
        let page = layouts.url.appendingPathComponent("page.mustache")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\n<p id=\"main\">again</p>\n").write(to: page, atomically: true, encoding: .utf8)
        let report = Pipeline.build(.init(content: fixture.content, layouts: layouts.url, output: fixture.output))
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.location.file.hasSuffix("page.mustache") && $0.message.contains("the id 'main' is given to more than one element") },
                "\(report.diagnostics.map(\.text))")
    }

    @Test func bothWaysOfReadingAPageFindTheRepeatedIds() {
        let html = Data("<main id=\"main\"><h2 id=\"main\">x</h2><p id=\"a\"></p><p id=\"a\"></p><p id=\"a\"></p></main>".utf8)
        #expect(PageLinkScanner.scan(html).repeatedIDs == ["main", "a", "a"])
        var page = PageLinks()
        page.record(element: "main") { $0 == "id" ? "main" : nil }
        var body = PageLinks()
        body.record(element: "h2") { $0 == "id" ? "main" : nil }
        page.add(body)
        #expect(page.repeatedIDs == ["main"])
    }
}
