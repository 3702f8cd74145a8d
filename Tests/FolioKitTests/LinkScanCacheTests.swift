import Foundation
import Testing
@testable import FolioKit

/// A rebuild takes the link scans of unchanged pages from the previous build; links are still
/// resolved against the new site every time.
@Suite struct LinkScanCacheTests {
    @Test func keepsIdsAndReferencesWhateverCharactersTheyHold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-scans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = Data("<a href=\"x\">".utf8)
        var links = PageLinks()
        links.ids = ["plain", "with space", "back\\slash", "new\nline", "cr\r\nlf"]
        links.repeatedIDs = ["plain", "new\nline", "plain"]
        links.references = [("a.html#b", false), ("odd\\n\nvalue", true), ("", false)]
        let digest = LinkScanCache.Digest(page)
        let file = folder.appendingPathComponent(LinkScanCache.fileName)
        try LinkScanCache.serialised([(digest, links)]).write(to: file)

        let read = LinkScanCache(readingFrom: file)
        let found = try #require(read.links(for: digest))
        #expect(found.ids == links.ids)
        #expect(found.repeatedIDs == links.repeatedIDs)
        #expect(found.references.map(\.value) == links.references.map(\.value))
        #expect(found.references.map(\.isResource) == links.references.map(\.isResource))
        #expect(read.links(for: LinkScanCache.Digest(Data("<a href=\"y\">".utf8))) == nil)
    }

    /// The file is read in runs on all cores: every page must come back whichever run it fell
    /// in, and one damaged line anywhere makes the whole cache unused.
    @Test func readsEveryPageOfALargeCacheAndRefusesADamagedOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-scans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = (0..<500).map { number -> (digest: LinkScanCache.Digest, links: PageLinks) in
            var links = PageLinks()
            links.ids = Set((0..<(number % 7)).map { "id-\(number)-\($0)" })
            links.references = (0..<(number % 5)).map { ("page-\($0).html#x\(number)", $0 % 2 == 0) }
            return (LinkScanCache.Digest(Data("page \(number)".utf8)), links)
        }
        let file = folder.appendingPathComponent(LinkScanCache.fileName)
        let text = LinkScanCache.serialised(pages)
        try text.write(to: file)
        let read = LinkScanCache(readingFrom: file)
        for page in pages {
            let found = try #require(read.links(for: page.digest))
            #expect(found.ids == page.links.ids)
            #expect(found.references.map { "\($0.value) \($0.isResource)" } == page.links.references.map { "\($0.value) \($0.isResource)" })
        }

        var damaged = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        damaged[damaged.count * 2 / 3] = "X not a line of this file"
        try Data(damaged.joined(separator: "\n").utf8).write(to: file)
        #expect(LinkScanCache(readingFrom: file).links(for: pages[0].digest) == nil)
    }

    @Test func aRebuildResolvesCachedScansAgainstTheNewSite() throws {
        let fixture = try BuildTests()
        // Only pages that had to be read are kept: layouts whose pages the templates cannot follow.
        let layouts = try ScratchLayouts()
        try layouts.makeEveryPageRead()
        func build() -> Pipeline.BuildReport { Pipeline.build(.init(content: fixture.content, layouts: layouts.url, output: fixture.output)) }
        #expect(build().succeeded)
        // Forge the cached scan of an unchanged page: the rebuild must use it and find the link broken.
        let about = try Data(contentsOf: fixture.output.appendingPathComponent("pages/about.html"))
        let digest = LinkScanCache.Digest(about)
        let cacheFile = CacheFolder(output: fixture.output).file(LinkScanCache.fileName)
        let line = "P \(digest.size) \(String(digest.fnv, radix: 16))\n"
        let cache = try String(contentsOf: cacheFile, encoding: .utf8)
        #expect(cache.contains(line))
        try cache.replacingOccurrences(of: line, with: line + "R gone.html\n").write(to: cacheFile, atomically: true, encoding: .utf8)

        let report = build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("'gone.html' does not exist") })
        #expect(try Data(contentsOf: fixture.output.appendingPathComponent("pages/about.html")) == about, "the previous output was touched")
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let fixture = try BuildTests()
        #expect(fixture.build().succeeded)
        let cacheFile = CacheFolder(output: fixture.output).file(LinkScanCache.fileName)
        try Data("not a cache\nP x y\n".utf8).write(to: cacheFile)
        #expect(fixture.build().succeeded)
        #expect(try String(contentsOf: cacheFile, encoding: .utf8)
            .hasPrefix("folio link scans 3\n"))
    }
}
