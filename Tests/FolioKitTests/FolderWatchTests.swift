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

    /// An inotify event as the kernel writes it: watch, mask, cookie, name length, padded name.
    private func event(_ mask: UInt32, _ name: String) -> [UInt8] {
        var padded: [UInt8] = Array(name.utf8) + [0]
        while padded.count % 16 != 0 { padded.append(0) }
        let watch: [UInt8] = [1, 0, 0, 0], cookie: [UInt8] = [0, 0, 0, 0]
        let maskBytes: [UInt8] = withUnsafeBytes(of: mask.littleEndian) { Array($0) }
        let lengthBytes: [UInt8] = withUnsafeBytes(of: UInt32(padded.count).littleEndian) { Array($0) }
        return watch + maskBytes + cookie + lengthBytes + padded
    }

    @Test func hiddenNamesAndFilesJustMadeAreNoNewsButEverythingElseIs() {
        let temporary = event(UInt32(IN_CLOSE_WRITE), ".save.tmp"), made = event(UInt32(IN_CREATE), "a.md")
        #expect(!FolderWatch.matters(ArraySlice(temporary + made)))
        #expect(FolderWatch.matters(ArraySlice(temporary + event(UInt32(IN_MOVED_TO), "a.md"))))
        #expect(FolderWatch.matters(ArraySlice(event(UInt32(IN_CREATE) | UInt32(IN_ISDIR), "media"))))
        #expect(FolderWatch.matters(ArraySlice(event(UInt32(IN_DELETE), "a.md"))))
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
