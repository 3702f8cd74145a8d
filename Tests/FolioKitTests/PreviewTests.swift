import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FolioKit

/// `folio serve`: a real server on a free loopback port, content edited under it.
@Suite struct PreviewTests {
    func fetch(_ url: URL) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls until `condition` holds for the page, for at most ten seconds.
    func eventually(_ url: URL, _ condition: (String) -> Bool) async throws -> String {
        var page = ""
        for _ in 0..<50 {
            page = try await fetch(url)
            if condition(page) { return page }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        return page
    }

    @Test func servesRebuildsAndKeepsTheLastGoodBuild() async throws {
        let fixture = try BuildTests()
        let server = try PreviewServer(options: .init(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output), port: 0)
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try await server.port()
        let page = URL(string: "http://127.0.0.1:\(port)/pages/about.html")!

        let first = try await eventually(page) { $0.contains("We are a programme.") }
        #expect(first.contains("We are a programme."))
        #expect(first.contains("/__folio/status"), "the reload script is injected")
        #expect(!(try String(contentsOf: fixture.output.appendingPathComponent("pages/about.html"), encoding: .utf8)).contains("__folio"),
                "the script is never written to disk")

        try fixture.write("pages/about.md", "---\ntitle: About\n---\nWe are a changed programme.\n")
        let changed = try await eventually(page) { $0.contains("We are a changed programme.") }
        #expect(changed.contains("We are a changed programme."))

        try fixture.write("pages/about.md", "---\ntitle: About\nbogus: key\n---\nBroken now.\n")
        let status = URL(string: "http://127.0.0.1:\(port)/__folio/status")!
        let problems = try await eventually(status) { $0.contains("unknown key 'bogus'") }
        #expect(problems.contains("pages/about.md:3:1"))
        #expect(try await fetch(page).contains("We are a changed programme."), "the last good page stays served")
        await server.stop()
    }
}
