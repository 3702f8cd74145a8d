import Foundation
import Testing
@testable import FolioKit

/// `folio serve` reloads the content after every save with a `LoadCache`: only the files whose
/// text changed are parsed again, and the content is the same as a load without it.
@Suite struct LoadCacheTests {
    @Test func aFileIsParsedAgainOnlyWhenItsTextChanges() {
        let files = ParsedFiles<String>()
        var parses = 0
        let parse = { (source: SourceFile) -> ParsedFiles<String>.Parse in
            parses += 1
            return (source.text.uppercased(), [])
        }
        #expect(files.parsed(SourceFile(path: "projects/a.md", text: "one"), parse: parse).item == "ONE")
        #expect(files.parsed(SourceFile(path: "projects/a.md", text: "one"), parse: parse).item == "ONE")
        #expect(parses == 1)
        #expect(files.parsed(SourceFile(path: "projects/a.md", text: "two"), parse: parse).item == "TWO")
        #expect(files.parsed(SourceFile(path: "projects/b.md", text: "two"), parse: parse).item == "TWO")
        #expect(parses == 3)
    }

    @Test func aReloadSeesTheSavedFileAndKeepsTheRest() throws {
        let fixture = try BuildTests()
        let cache = LoadCache()
        let first = try #require(ContentLoader.load(from: fixture.content, reusing: cache).content)
        let saved = try String(contentsOf: fixture.content.appendingPathComponent("projects/soil-net.md"), encoding: .utf8)
            .replacingOccurrences(of: "title: Soil net\n", with: "title: Soil net, renamed\nbogus: key\n")
        try fixture.write("projects/soil-net.md", saved)
        let reloaded = ContentLoader.load(from: fixture.content, reusing: cache)
        let fresh = ContentLoader.load(from: fixture.content)
        let titles = { (content: SiteContent?) in content?.projects.map(\.title) ?? [] }
        #expect(titles(reloaded.content) == ["Field drone <script>alert(1)</script>", "Soil net, renamed"])
        #expect(titles(reloaded.content) == titles(fresh.content))
        #expect(reloaded.diagnostics == fresh.diagnostics)
        #expect(reloaded.diagnostics.contains { $0.location.file == "projects/soil-net.md" && $0.text.contains("bogus") })
        #expect(titles(first) != titles(reloaded.content))
    }
}
