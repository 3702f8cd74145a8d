import Foundation
import Testing
import ZIPFoundation
@testable import FolioKit

/// `folio build --archive`: the ZIP beside the output is byte-identical across builds and, once
/// unpacked, is the whole site with every link working from disk.
@Suite struct SiteArchiveTests {
    @Test func archiveIsReproducibleAndWorksUnpacked() throws {
        let fixture = try BuildTests()
        let options = Pipeline.BuildOptions(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output, archive: true)
        let zip = SiteArchive.location(output: fixture.output)
        #expect(zip.lastPathComponent == "Output.zip" && zip.deletingLastPathComponent().path == fixture.folder.standardizedFileURL.path)

        let first = Pipeline.build(options)
        #expect(first.succeeded, "\(first.diagnostics.map(\.text))")
        let firstBytes = try Data(contentsOf: zip)
        // A second build into a fresh folder, a minute later: nothing may differ.
        try FileManager.default.removeItem(at: fixture.output)
        try FileManager.default.removeItem(at: zip)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(Pipeline.build(options).succeeded)
        let secondBytes = try Data(contentsOf: zip)
        #expect(firstBytes == secondBytes, "the archive differs between two builds of the same content")
        print("archive: \(firstBytes.count) bytes for \(first.fileCount) files rendered")

        let unpacked = fixture.folder.appendingPathComponent("unpacked")
        try FileManager.default.unzipItem(at: zip, to: unpacked)
        let site = unpacked.appendingPathComponent("demo-programme-website")
        let packed = FileTree.files(in: site)
        #expect(packed.contains("index.html") && packed.contains("booklet/index.html") && packed.contains("assets/folio.css"))
        #expect(!packed.contains { $0.split(separator: "/").contains { $0.hasPrefix(".folio-") } }, "Folio's own files are not part of the site")
        #expect(packed == SiteArchive.entries(of: fixture.output), "the archive holds exactly the site's files")
        #expect(LinkChecker.check(folder: site, sitePath: "/sub/").isEmpty, "a link of the unpacked site does not resolve")
        let entries = try Archive(url: zip, accessMode: .read).map(\.path)
        #expect(entries == entries.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "entries in path order")
    }

    @Test func failedBuildWritesNoArchive() throws {
        let fixture = try BuildTests()
        try fixture.write("projects/broken.md", "---\ntitle: Broken\n---\n")
        let report = Pipeline.build(.init(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output, archive: true))
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: SiteArchive.location(output: fixture.output).path))
    }
}

/// `booklet.offer_archive: true`: the booklet page offers the ZIP with its size; the ZIP is in the
/// site, and its own copy of the booklet page does not offer it.
@Suite struct SiteArchiveOfferTests {
    @Test func bookletPageOffersTheWholeSite() throws {
        let fixture = try BuildTests()
        let site = try String(contentsOf: fixture.content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try fixture.write("site.yaml", site.replacingOccurrences(of: "  date: 2019-05-31", with: "  date: 2019-05-31\n  offer_archive: true"))
        let options = Pipeline.BuildOptions(content: fixture.content, layouts: BuildTests.layouts, output: fixture.output, archive: true)
        let report = Pipeline.build(options)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.text))")

        let published = fixture.output.appendingPathComponent("booklet/demo-programme-website.zip")
        let zip = try Data(contentsOf: published)
        #expect(zip == (try Data(contentsOf: SiteArchive.location(output: fixture.output))), "one archive, in the site and beside it")
        let page = try fixture.read("booklet/index.html")
        #expect(page.contains("href=\"../booklet/demo-programme-website.zip\""), "the booklet page links the ZIP")
        #expect(page.contains("Download the whole website") && page.contains(" kB)"), "with its size")
        #expect(LinkChecker.check(folder: fixture.output, sitePath: "/sub/").isEmpty)

        let unpacked = fixture.folder.appendingPathComponent("unpacked")
        try FileManager.default.unzipItem(at: published, to: unpacked)
        let copy = unpacked.appendingPathComponent("demo-programme-website")
        let copiedPage = try String(contentsOf: copy.appendingPathComponent("booklet/index.html"), encoding: .utf8)
        #expect(!copiedPage.contains("website.zip"), "the copy inside the ZIP does not offer itself")
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent("booklet/demo-programme-website.zip").path))
        #expect(LinkChecker.check(folder: copy, sitePath: "/sub/").isEmpty)

        // A rebuild over the last output (hard links to unchanged files) gives the same ZIP and
        // leaves the previous booklet page intact until the swap.
        #expect(Pipeline.build(options).succeeded)
        #expect(try Data(contentsOf: published) == zip)
        #expect(try fixture.read("booklet/index.html") == page)
    }

    @Test func offerMustBeTrueOrFalse() throws {
        let diagnostics = try ContractTests.check(["site.yaml": ContractTests.site.replacingOccurrences(of: "booklet:\n", with: "booklet:\n  offer_archive: yes\n")])
        #expect(diagnostics.contains { $0.message.contains("'offer_archive' must be true or false") }, "\(diagnostics.map(\.message))")
    }
}
