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

    /// What a load gave, whole: every field of the model (bodies, locations) and every problem.
    private static func everything(_ result: ContentLoader.Result) -> String {
        var content = result.content
        // A set's order differs from one instance to the next: its members are compared sorted.
        let markdownPaths = content?.markdownPaths.sorted()
        content?.markdownPaths = []
        var text = ""
        dump(content, to: &text)
        dump(markdownPaths, to: &text)
        dump(result.diagnostics, to: &text)
        return text
    }

    /// The address of a text's bytes: the same one means the text was kept, not read again.
    private static func storage(_ file: SourceFile?) -> UnsafeRawPointer? {
        file?.text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// Files written this long ago count as settled here; the waits below are longer, so that
    /// every write lands after the clock tick of the load before it.
    private static let settling = 0.05

    private static func settle() { usleep(120_000) }

    @Test func aReloadThatKeepsUnchangedFilesIsAFreshLoadAfterEditsRenamesAndDeletions() throws {
        let fixture = try BuildTests()
        let cache = LoadCache(settlingSeconds: Self.settling)
        let projects = fixture.content.appendingPathComponent("projects")
        var edits: [(what: String, edit: () throws -> Void)] = [
            ("an edit", { try fixture.write("projects/soil-net.md", String(contentsOf: projects.appendingPathComponent("soil-net.md"), encoding: .utf8)
                .replacingOccurrences(of: "title: Soil net\n", with: "title: Soil net, renamed\nbogus: key\n")) }),
            ("a rename", { try FileManager.default.moveItem(at: projects.appendingPathComponent("soil-net.md"), to: projects.appendingPathComponent("soil-web.md")) }),
            ("a deletion", { try FileManager.default.removeItem(at: projects.appendingPathComponent("soil-web.md")) }),
            ("a hidden file", { try fixture.write("projects/.field-drone.md.swp", "not read") }),
            ("a byte-order mark and Windows line breaks", { try fixture.write("projects/field-drone.md", "\u{FEFF}" + String(contentsOf: projects.appendingPathComponent("field-drone.md"), encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")) }),
            ("bytes that are not UTF-8", { try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: projects.appendingPathComponent("field-drone.md")) }),
            ("a file too large", { try Data(repeating: 0x61, count: TextFile.byteLimit + 1).write(to: projects.appendingPathComponent("field-drone.md")) }),
            ("a link out of the content folder", {
                try FileManager.default.removeItem(at: projects.appendingPathComponent("field-drone.md"))
                try FileManager.default.createSymbolicLink(at: projects.appendingPathComponent("field-drone.md"), withDestinationURL: BuildTests.repository.appendingPathComponent("README.md"))
            }),
        ]
        // The same length and the modification time set back, as `cp -p` leaves them: the
        // change time still tells.
        edits.insert(("an edit of the same size, its time set back", {
            let url = projects.appendingPathComponent("soil-net.md")
            let before = try FileManager.default.attributesOfItem(atPath: url.path)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Sensors in soil.", with: "Sensors in sand.").write(to: url, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: before[.modificationDate] as Any], ofItemAtPath: url.path)
        }), at: 0)
        Self.settle()
        _ = ContentLoader.load(from: fixture.content, reusing: cache)
        for (what, edit) in edits {
            Self.settle()
            try edit()
            Self.settle()
            let reloaded = ContentLoader.load(from: fixture.content, reusing: cache)
            let fresh = ContentLoader.load(from: fixture.content)
            #expect(Self.everything(reloaded) == Self.everything(fresh), "after \(what)")
        }
    }

    @Test func anUnchangedFileIsNotReadAgainAndASavedOneIs() throws {
        let fixture = try BuildTests()
        let texts = TextFileCache(settlingSeconds: Self.settling)
        let url = fixture.content.appendingPathComponent("projects/field-drone.md")
        let read = { texts.read(url, path: "projects/field-drone.md", log: DiagnosticLog()) }
        Self.settle()
        let first = read(), second = read()
        #expect(Self.storage(first) != nil)
        #expect(Self.storage(second) == Self.storage(first))
        Self.settle()
        try fixture.write("projects/field-drone.md", "---\ntitle: Saved\n---\nSaved.\n")
        #expect(read()?.text.contains("Saved.") == true)
    }

    /// A file written within the clock tick of a load could be written again without its stamp
    /// changing: files saved a moment ago are read every time, until they have settled.
    @Test func aFileSavedAMomentAgoIsReadAgain() throws {
        let fixture = try BuildTests()
        let texts = TextFileCache()
        let url = fixture.content.appendingPathComponent("projects/field-drone.md")
        let first = texts.read(url, path: "projects/field-drone.md", log: DiagnosticLog())
        let second = texts.read(url, path: "projects/field-drone.md", log: DiagnosticLog())
        #expect(first?.text == second?.text)
        #expect(Self.storage(second) != Self.storage(first))
    }
}
