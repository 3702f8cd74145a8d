import Foundation
import Testing
@testable import FolioKit

/// A rebuild takes each unchanged body as the last build parsed it, and parses again a body that
/// changed, moved, or whose parse reported a problem.
@Suite struct ParsedBodiesTests {
    private let scratch = TemporaryFolder("folio-bodies")
    private var file: URL { scratch.url.appendingPathComponent("parsed-bodies") }

    private static let body = """
    ## Results

    A [link](other.md#x "title") and ![a field](../media/f.png "decorative"), `code <x>`, a note[^1].

    - [x] done

    | a | b |
    |:-:|--:|
    | 1 | 2 |

    [^1]: The note.
    """

    @Test func anUnchangedBodyIsTakenAsTheLastBuildParsedIt() throws {
        let first = ParsedBodies(file: file)
        let parsed = first.parse(Self.body, file: "projects/a.md", firstLine: 7, log: DiagnosticLog())
        #expect(first.reused == 0)
        try first.save()

        let second = ParsedBodies(file: file)
        let log = DiagnosticLog()
        let kept = second.parse(Self.body, file: "projects/a.md", firstLine: 7, log: log)
        #expect(second.reused == 1 && log.diagnostics.isEmpty)
        #expect(kept.html == parsed.html && kept.plainText == parsed.plainText)
        #expect(kept.headings.map { "\($0.level) \($0.text) \($0.id)" } == parsed.headings.map { "\($0.level) \($0.text) \($0.id)" })
        #expect(kept.references.map { "\($0.destination) \($0.location) \($0.isImage) \($0.text) \($0.title)" }
                == parsed.references.map { "\($0.destination) \($0.location) \($0.isImage) \($0.text) \($0.title)" })
        let rewriter = HTMLRewriter(idPrefix: "p-", footnoteBackLabel: "Back") { _, _ in .replace("x.html") }
        #expect(rewriter.rewrite(kept) == rewriter.rewrite(parsed))

        // Another text, file or first line is another body.
        _ = second.parse(Self.body + "\nMore.", file: "projects/a.md", firstLine: 7, log: DiagnosticLog())
        _ = second.parse(Self.body, file: "projects/b.md", firstLine: 7, log: DiagnosticLog())
        _ = second.parse(Self.body, file: "projects/a.md", firstLine: 8, log: DiagnosticLog())
        #expect(second.reused == 1)
    }

    @Test func aBodyWithAProblemIsParsedAndReportedEveryTime() throws {
        let deep = String(repeating: ">", count: 60) + " deep"
        let first = ParsedBodies(file: file)
        let log = DiagnosticLog()
        _ = first.parse(deep, file: "projects/a.md", firstLine: 1, log: log)
        #expect(!log.diagnostics.isEmpty)
        try first.save()
        let again = DiagnosticLog()
        let second = ParsedBodies(file: file)
        _ = second.parse(deep, file: "projects/a.md", firstLine: 1, log: again)
        #expect(second.reused == 0 && again.diagnostics.map(\.text) == log.diagnostics.map(\.text))
    }

    @Test func aDamagedCacheIsParsedAgain() throws {
        let first = ParsedBodies(file: file)
        let parsed = first.parse(Self.body, file: "projects/a.md", firstLine: 1, log: DiagnosticLog())
        try first.save()
        var bytes = try Data(contentsOf: file)
        bytes = bytes.prefix(bytes.count - 40)
        try bytes.write(to: file)
        let second = ParsedBodies(file: file)
        #expect(second.parse(Self.body, file: "projects/a.md", firstLine: 1, log: DiagnosticLog()).html == parsed.html)
        #expect(second.reused == 0)
    }

    @Test func aRebuildTakesEveryUnchangedBody() throws {
        let fixture = try BuildTests()
        let first = fixture.build()
        let bodies = try FileManager.default.subpathsOfDirectory(atPath: fixture.content.path).filter { $0.hasSuffix(".md") }.count
        #expect(first.succeeded && first.stageTimes.stages.first?.name == "load and validate (0 bodies parsed by the last build)")
        let page = try fixture.read("projects/field-drone.html")
        let rebuilt = fixture.build()
        #expect(rebuilt.stageTimes.stages.first?.name == "load and validate (\(bodies) bodies parsed by the last build)")
        let again = try fixture.read("projects/field-drone.html")
        #expect(rebuilt.succeeded && page == again)
    }

    @Test func aRecordNestedDeeperThanAnyBodyIsRefused() {
        var node = BodyTree.Node.text("deep")
        for _ in 0..<300 { node = .element(.init(name: "blockquote", attributes: [], children: [node])) }
        let document = MarkdownDocument(tree: BodyTree(nodes: [node]), references: [], headings: [], plainText: "deep")
        var writer = ByteWriter()
        MarkdownDocumentRecord.write(document, to: &writer)
        var reader = ByteReader(Data(writer.bytes))
        #expect(MarkdownDocumentRecord.read(from: &reader) == nil)
    }

    @Test func aNamedPipeInPlaceOfTheCacheIsNoCache() throws {
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        #expect(mkfifo(file.path, 0o644) == 0)
        let bodies = ParsedBodies(file: file)
        _ = bodies.parse(Self.body, file: "projects/a.md", firstLine: 1, log: DiagnosticLog())
        #expect(bodies.reused == 0)
        try bodies.save()
        #expect(PlainFile.isRegular(file))
    }
}
