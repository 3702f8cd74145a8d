import Foundation
import Testing
@testable import FolioKit

/// The preview's watcher wakes when a file is saved, not only when its wait is over.
@Suite struct FolderWatchTests {
    #if os(Linux)
    /// The wait is ten minutes and the test is allowed one: only the save can end it in time.
    @Test(.timeLimit(.minutes(1))) func aSaveInAWatchedFolderEndsTheWait() async throws {
        let scratch = TemporaryFolder("folio-watch")
        let projects = scratch.url.appendingPathComponent("projects")
        try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
        let watch = FolderWatch()
        watch.watch(FolderStamps(scratch.url).folders)
        try "---\ntitle: Saved\n---\n".write(to: projects.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        await watch.wait(seconds: 600)
    }
    #endif

    @Test func theStampsSeeEverySaveButNotHiddenFiles() throws {
        let scratch = TemporaryFolder("folio-watch")
        let file = scratch.url.appendingPathComponent("projects/a.md")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "one".write(to: file, atomically: false, encoding: .utf8)
        let before = FolderStamps(scratch.url)
        #expect(before.folders == [scratch.url.path, file.deletingLastPathComponent().path])
        try "temporary".write(to: scratch.url.appendingPathComponent("projects/.a.md.swp"), atomically: false, encoding: .utf8)
        #expect(FolderStamps(scratch.url) == before)
        // The same length, written in place, its modification time set back as `cp -p` does.
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as Any
        usleep(20_000)
        try "two".write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        #expect(FolderStamps(scratch.url) != before)
    }
}
