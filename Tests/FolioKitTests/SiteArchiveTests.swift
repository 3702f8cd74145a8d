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
        let site = unpacked.appendingPathComponent("Output")
        let packed = FileTree.files(in: site)
        #expect(packed.contains("index.html") && packed.contains("booklet/index.html") && packed.contains("assets/folio.css"))
        #expect(!packed.contains { $0.split(separator: "/").contains { $0.hasPrefix(".folio-") } }, "Folio's own files are not part of the site")
        #expect(packed == SiteArchive.entries(of: fixture.output), "the archive holds exactly the site's files")
        #expect(LinkChecker.check(folder: site).isEmpty, "a link of the unpacked site does not resolve")
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
