import Foundation
import Testing
@testable import FolioKit

/// `folio build` as a process: two at once into one output, and the summary it prints.
@Suite struct BuildCommandTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ServeCommandTests.executable.path)))
    func twoBuildProcessesAtOnceBothFinishAndTheSummaryShowsThePagesSize() throws {
        let fixture = try BuildTests()
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = ServeCommandTests.executable
            process.arguments = ["build", "--content", fixture.content.path, "--layouts", BuildTests.layouts.path,
                                 "--output", fixture.output.path]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            return process
        }
        for process in processes { try process.run() }
        var summaries: [String] = []
        for process in processes {
            let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
            let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(String(decoding: err, as: UTF8.self))")
            summaries.append(String(decoding: out, as: UTF8.self))
        }
        let booklet = try fixture.read("booklet/index.html")
        let size = try #require(booklet.firstMatch(of: /download-meta">\([^,]+, ([0-9,]+ kB)\)/)?.1)
        for summary in summaries {
            #expect(summary.contains("booklet \(size),"), "summary: \(summary)")
        }
        // One whole build is in place, not a mix of the two.
        #expect(LinkChecker.check(folder: fixture.output, sitePath: "/sub/").isEmpty)
    }
}
