import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FolioKit

/// The preview's pages from memory: the same bytes the build writes, and how soon `folio serve`
/// shows a saved project file.
@Suite struct PreviewPagesTests {
    @Test func everyPageFromMemoryIsThePageTheBuildWrites() throws {
        let fixture = try BuildTests()
        let (pages, written, report) = try pagesFromMemoryMatchTheBuild(content: fixture.content, output: fixture.output, build: fixture.build)
        #expect(written.count == report.pageCount)
        #expect(pages.page(at: "projects/no-such-project.html") == nil)
    }

    /// Builds, then renders every page written from memory: the same bytes each. `loadCache` and
    /// `layouts`: what an earlier load kept, as the preview reuses them.
    private func pagesFromMemoryMatchTheBuild(content: URL, output: URL, loadCache: LoadCache? = nil, layouts: CompiledLayouts? = nil,
                                              build: () -> Pipeline.BuildReport) throws
        -> (pages: PreviewPages, written: [String], report: Pipeline.BuildReport) {
        let report = build()
        #expect(report.succeeded)
        let options = Pipeline.BuildOptions(content: content, layouts: BuildTests.layouts, output: output, loadCache: loadCache)
        let pages = try #require(PreviewPages.load(options, lastBuild: report, layouts: layouts).pages)
        let written = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        for path in written {
            let page = try #require(pages.page(at: path), "no page in memory for \(path)")
            #expect(page == (try Data(contentsOf: output.appendingPathComponent(path))), "\(path) differs")
        }
        return (pages, written, report)
    }

    @Test func everyLanguagesPagesFromMemoryAreThePagesTheBuildWrites() throws {
        let fixture = try TranslationTests()
        let (pages, written, _) = try pagesFromMemoryMatchTheBuild(content: fixture.content, output: fixture.output, build: { fixture.build() })
        #expect(written.contains("es/projects/field-drone.html") && written.contains("pt/booklet/index.html"))
        #expect(pages.page(at: "es/projects/no-such-project.html") == nil)
        #expect(pages.page(at: "de/index.html") == nil)
    }

    /// After a save, a load that kept the unchanged files and the compiled layouts of the one
    /// before gives the pages a whole build of the saved content writes.
    @Test func pagesFromALoadThatReusedTheLastOneAreThePagesTheBuildWrites() throws {
        let fixture = try TranslationTests()
        let loadCache = LoadCache(settlingSeconds: 0.05), layouts = CompiledLayouts(settlingSeconds: 0.05)
        // Past the settling time, so that the files and layouts are kept (see `FileStamp`).
        usleep(120_000)
        let options = Pipeline.BuildOptions(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output, loadCache: loadCache)
        _ = try #require(PreviewPages.load(options, lastBuild: nil, layouts: layouts).pages)
        let project = fixture.content.appendingPathComponent("projects/field-drone.md")
        try String(contentsOf: project, encoding: .utf8).replacingOccurrences(of: "\n---\n", with: "\n---\nSaved at once.\n\n")
            .write(to: project, atomically: true, encoding: .utf8)
        let (pages, _, _) = try pagesFromMemoryMatchTheBuild(content: fixture.content, output: fixture.output, loadCache: loadCache, layouts: layouts,
                                                             build: { fixture.build() })
        #expect(String(decoding: try #require(pages.page(at: "projects/field-drone.html")), as: UTF8.self).contains("Saved at once."))
    }

    /// The layouts are compiled again when a file in them changed or the site's languages did,
    /// and otherwise reused as they are.
    @Test func theLayoutsAreCompiledAgainOnlyWhenTheyOrTheLanguagesChange() throws {
        let scratch = try ScratchLayouts()
        let layouts = CompiledLayouts(settlingSeconds: 0.05)
        usleep(120_000)
        let compiled = { (languages: [String]) in layouts.load(from: scratch.url, languages: languages) }
        let first = try #require(compiled(["en"]).theme)
        #expect(try #require(compiled(["en"]).theme).templateTime === first.templateTime)
        let spanish = try #require(compiled(["en", "es"]).theme)
        #expect(spanish.templateTime !== first.templateTime)
        #expect(spanish.speaking("es").languageCode == "es")
        usleep(120_000)
        try "{{#unclosed}}\n".write(to: scratch.url.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let broken = compiled(["en", "es"])
        #expect(broken.theme == nil)
        #expect(broken.diagnostics.contains { $0.location.file.hasSuffix("page.mustache") && $0.severity == .error })
    }

    @Test func contentThatDoesNotLoadGivesItsProblemsAndNoPages() throws {
        let fixture = try BuildTests()
        try fixture.write("pages/about.md", "---\ntitle: About\nbogus: key\n---\nBroken.\n")
        let options = Pipeline.BuildOptions(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output)
        let (pages, diagnostics) = PreviewPages.load(options, lastBuild: nil)
        #expect(pages == nil)
        #expect(diagnostics.contains { $0.text.contains("unknown key 'bogus'") })
    }

    /// Runs `folio serve` as an editor does, saves a project file and prints how long until the
    /// changed page is served. Printed, not asserted: it depends on the machine. The content is
    /// BuildTests' fixture, or FOLIO_SERVE_CONTENT (e.g. a `scripts/bench` programme), and the
    /// binary the debug build, or FOLIO_SERVE_BINARY (a release build gives the real figure).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ServeCommandTests.executable.path)))
    func printsHowSoonASavedProjectIsServed() async throws {
        let environment = ProcessInfo.processInfo.environment
        let fixture = try BuildTests()
        let content = environment["FOLIO_SERVE_CONTENT"].map(URL.init(fileURLWithPath:)) ?? fixture.content
        let projects = content.appendingPathComponent("projects")
        // A project's own file, not a translation of it (`p00000.es.md`), whose page is the language's.
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path)
            .filter { $0.hasSuffix(".md") && TranslationName(path: "projects/" + $0) == nil }.sorted().first)
        let original = try String(contentsOf: projects.appendingPathComponent(file), encoding: .utf8)
        defer { try? original.write(to: projects.appendingPathComponent(file), atomically: true, encoding: .utf8) }

        let binary = environment["FOLIO_SERVE_BINARY"].map(URL.init(fileURLWithPath:)) ?? ServeCommandTests.executable
        let (process, printed) = try ServeCommandTests.start(binary, content: content, output: fixture.output)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let base = try await ServeCommandTests.address(printed)
        let page = URL(string: base + "/projects/" + file.dropLast(3) + ".html")!
        let builds = printed.text.components(separatedBy: "built:").count

        let marker = "Saved at \(UUID().uuidString)."
        let start = Date()
        try (original + "\n" + marker + "\n").write(to: projects.appendingPathComponent(file), atomically: true, encoding: .utf8)
        var shown: TimeInterval?
        for _ in 0..<3000 where shown == nil {
            let (data, _) = try await URLSession.shared.data(from: page)
            if String(decoding: data, as: UTF8.self).contains(marker) { shown = Date().timeIntervalSince(start) }
            else { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        let built = try await printed.eventually { $0.components(separatedBy: "built:").count > builds ? Date().timeIntervalSince(start) : nil }
        let seconds = try #require(shown, "the saved change was never served")
        print("folio serve (\(file.hasPrefix("p0") ? "bench programme" : "fixture"), \(try FileManager.default.contentsOfDirectory(atPath: projects.path).count) projects): "
              + "the saved project was served after \(String(format: "%.3f", seconds)) s; the whole build behind it finished after "
              + (built.map { String(format: "%.2f", $0) } ?? "?") + " s")
        #expect(try Data(contentsOf: fixture.output.appendingPathComponent("projects/" + file.dropLast(3) + ".html")).count > 0)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }
}
