import Foundation
import Testing
@testable import FolioKit

/// A rebuild takes the EPUB the last build packed when its entries are unchanged, and packs
/// again when any of them changed.
@Suite struct EPUBPackCacheTests {
    @Test func aRebuildTakesTheKeptEPUBUntilAChapterChanges() throws {
        let fixture = try BuildTests()
        #expect(fixture.build().succeeded)
        let booklet = fixture.output.appendingPathComponent("booklet")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: booklet.path).first { $0.hasSuffix(".epub") })
        let packed = try Data(contentsOf: booklet.appendingPathComponent(name))
        let kept = CacheFolder(output: fixture.output).folder("epub").appendingPathComponent("en.epub")
        #expect(try Data(contentsOf: kept) == packed)

        // Marked, so that the next build shows whether it took the kept archive or packed its own.
        let marked = packed + Data("kept".utf8)
        try marked.write(to: kept)
        #expect(fixture.build().succeeded)
        #expect(try Data(contentsOf: booklet.appendingPathComponent(name)) == marked)

        try fixture.write("projects/field-drone.md", try String(contentsOf: fixture.content.appendingPathComponent("projects/field-drone.md"), encoding: .utf8)
                          + "\nA sentence added since.\n")
        #expect(fixture.build().succeeded)
        let repacked = try Data(contentsOf: booklet.appendingPathComponent(name))
        #expect(repacked != marked && repacked != packed)
        #expect(try Data(contentsOf: kept) == repacked)
    }

    @Test func theKeyChangesWithAnEntryItsPathOrTheDate() {
        let files = [(path: "a.xhtml", data: Data("one".utf8)), (path: "b.xhtml", data: Data("two".utf8))]
        let key = EPUBPackCache.key(files, timestamp: "2019-05-31T00:00:00Z")
        #expect(key == EPUBPackCache.key(files, timestamp: "2019-05-31T00:00:00Z"))
        #expect(key != EPUBPackCache.key(files, timestamp: "2019-06-01T00:00:00Z"))
        #expect(key != EPUBPackCache.key([files[0], (path: "b.xhtml", data: Data("twO".utf8))], timestamp: "2019-05-31T00:00:00Z"))
        #expect(key != EPUBPackCache.key([files[0], (path: "c.xhtml", data: Data("two".utf8))], timestamp: "2019-05-31T00:00:00Z"))
    }
}
