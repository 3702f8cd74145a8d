import Foundation
import Testing
@testable import FolioKit

/// Names as long as the contract allows become files whose names any file system takes; a file
/// that cannot be written is reported at the content that named it.
@Suite struct LongNamesTests {
    let site: BuildTests

    init() throws { site = try BuildTests() }

    func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent(folder).path).sorted()
    }

    @Test func longCallNamesGiveShortDistinctPages() throws {
        let start = String(repeating: "Open call for sustainable aquaculture monitoring and ", count: 5)
        let first = start + "offshore wind (2017)", second = start + "inland lakes (2018)"
        #expect(first.count > 250)
        for (file, call) in [("field-drone.md", first), ("soil-net.md", second)] {
            let url = site.content.appendingPathComponent("projects/\(file)")
            try site.write("projects/\(file)", try String(contentsOf: url, encoding: .utf8)
                .replacing(#/call: .*/#, with: "call: \(call)"))
        }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let calls = try files(in: "calls")
        #expect(calls.count == 2)
        for name in calls { #expect(name.utf8.count <= FileName.maxBytes + ".html".count, "\(name)") }
        let pages = try calls.map { try site.read("calls/\($0)") }
        #expect(pages.contains { $0.contains(first) } && pages.contains { $0.contains(second) })
        #expect(try site.read("projects/field-drone.html").contains("href=\"../calls/\(calls.first { try! site.read("calls/\($0)").contains(first) }!)\""))
    }

    @Test func aLongFileNameGivesAShortPageName() throws {
        let slug = String(repeating: "very-long-project-name-", count: 10) + "end"
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("projects/soil-net.md"),
                                         to: site.content.appendingPathComponent("projects/\(slug).md"))
        try site.write("projects/field-drone.md", try String(contentsOf: site.content.appendingPathComponent("projects/field-drone.md"), encoding: .utf8)
            .replacingOccurrences(of: "soil-net.md", with: "\(slug).md"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try #require(try files(in: "projects").first { $0.hasPrefix("very-long") })
        #expect(page.utf8.count <= FileName.maxBytes + ".html".count)
        #expect(try site.read("projects/field-drone.html").contains("\(page)#results\""))
    }

    @Test func boundedNamesKeepTheirStartAndDifferByAHash() {
        #expect(FileName.bounded("short") == "short")
        let a = FileName.bounded(String(repeating: "a", count: 100) + "-x")
        let b = FileName.bounded(String(repeating: "a", count: 100) + "-y")
        #expect(a != b)
        #expect(a.utf8.count == FileName.maxBytes && a.hasPrefix("aaaa"))
        #expect(FileName.bounded(String(repeating: "a", count: 100) + "-x") == a)
        #expect(FileName.bounded(String(repeating: "é", count: 100)).utf8.count <= FileName.maxBytes)
    }

    @Test func aFileThatCannotBeWrittenIsReportedAtTheContentThatNamedIt() throws {
        let content = try #require(Pipeline.check(contentFolder: site.content).content)
        let theme = try #require(Theme.load(from: BuildTests.layouts).theme)
        let staging = site.folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        // A file where the calls' folder goes: writing any call's page fails.
        try Data().write(to: staging.appendingPathComponent("calls"))
        let writer = StagingWriter(folder: staging, previous: nil, cache: CacheFolder(output: site.output))
        var clock = StageTimes()
        _ = Pipeline.render(content, theme: theme, date: BuildDate(content: content, sourceDateEpoch: nil), into: writer, clock: &clock)
        do {
            try writer.finish()
            Issue.record("the page of a call was written where a file stands")
        } catch let failure as StagingWriter.WriteFailure {
            #expect(failure.path.hasPrefix("calls/"))
            let origin = try #require(PageSources.origin(of: failure.path, in: content))
            #expect(origin.file.hasPrefix("projects/"))
            #expect(origin.line == 6)
            #expect(origin.column == 7)
        }
        #expect(PageSources.origin(of: "sectors/ict.html", in: content)?.file == "site.yaml")
        #expect(PageSources.origin(of: "projects/soil-net.html", in: content)?.file == "projects/soil-net.md")
        #expect(PageSources.origin(of: "assets/folio.css", in: content) == nil)
    }
}
