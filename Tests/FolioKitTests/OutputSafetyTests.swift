import Foundation
import Testing
@testable import FolioKit

/// The output folder: what may be replaced, what is published, and two builds at once.
@Suite struct OutputSafetyTests {
    let site: BuildTests

    init() throws { site = try BuildTests() }

    func build(into output: URL, lockWait: Double = 120) -> Pipeline.BuildReport {
        Pipeline.build(.init(content: site.content, layouts: BuildTests.layouts, output: output, lockWait: lockWait))
    }

    @Test func anOutputThatIsNotAFolderIsRefusedAndKept() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: site.folder, withIntermediateDirectories: true)
        let file = site.folder.appendingPathComponent("notes.txt")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        let link = site.folder.appendingPathComponent("link-to-notes")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: file.path)
        let pipe = site.folder.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        for (target, kind) in [(file, "is a file"), (link, "is a symbolic link to a file"), (pipe, "is a named pipe")] {
            let report = build(into: target)
            #expect(!report.succeeded, "accepted \(target.lastPathComponent)")
            #expect(report.diagnostics.contains { $0.message.contains(kind) }, "\(report.diagnostics.map(\.text))")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == file.path)
        var status = stat()
        #expect(lstat(pipe.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    /// Every file in a folder, hidden ones included.
    private func everyFile(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String { paths.append(path) }
        return paths
    }

    @Test func nothingOfFolioItselfIsPublished() throws {
        #expect(site.build().succeeded)
        let hidden = everyFile(in: site.output).filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(hidden.isEmpty, "published: \(hidden)")
        let cache = CacheFolder(output: site.output)
        #expect(FileManager.default.fileExists(atPath: cache.file(LinkScanCache.fileName).path))
        // The rebuild takes its scans from there and still recognises its own output.
        #expect(site.build().succeeded)
    }

    @Test func aFolderPutInTheOutputsPlaceIsNotReplaced() throws {
        #expect(site.build().succeeded)
        let fm = FileManager.default
        try fm.removeItem(at: site.output)
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try "mine".write(to: site.output.appendingPathComponent("index.html"), atomically: false, encoding: .utf8)
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("was not written by Folio") })
        #expect(try site.read("index.html") == "mine")
    }

    @Test func anOutputOfAnEarlierFolioWithItsMarkerIsReplaced() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data().write(to: site.output.appendingPathComponent(OutputFolder.legacyMarker))
        try "old".write(to: site.output.appendingPathComponent("index.html"), atomically: false, encoding: .utf8)
        #expect(site.build().succeeded)
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent(OutputFolder.legacyMarker).path))
    }

    @Test func aBuildWaitsForTheOneWritingTheSameOutputThenStopsWithAMessage() throws {
        let held = try OutputLock(output: site.output, wait: 0)
        let report = build(into: site.output, lockWait: 0.3)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("another build is writing") }, "\(report.diagnostics.map(\.text))")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        withExtendedLifetime(held) {}
    }

    @Test func twoBuildsAtOnceLeaveOneWholeBuild() throws {
        #expect(site.build().succeeded)
        let whole = try site.snapshot()
        try FileManager.default.removeItem(at: site.output)
        let reports = [0, 1].concurrentMap { _ in build(into: site.output) }
        #expect(reports.allSatisfy { $0.succeeded }, "\(reports.flatMap(\.diagnostics).map(\.text))")
        #expect(try site.snapshot() == whole)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.contains("staging") || $0.contains(".old-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
