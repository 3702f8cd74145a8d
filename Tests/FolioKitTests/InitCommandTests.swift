import Foundation
import Testing
@testable import FolioKit

/// `folio init`, `folio build` with no flags and `folio --version` as a new user types them.
/// Needs the `folio` executable, which `scripts/test` builds with the tests.
@Suite struct InitCommandTests {
    static let executable = ServeCommandTests.executable
    private let scratch = TemporaryFolder("folio-init-command")

    /// Runs folio in `folder`; stdout and stderr together.
    func folio(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func initThenBuildWithNoFlags() throws {
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        let made = try folio(["init", "my-programme", "--title", "My Programme", "--language", "pt-PT"], in: scratch.url)
        #expect(made.status == 0, "\(made.text)")
        #expect(made.text.contains("base_url") && made.text.contains(ProgrammeStarter.placeholderBaseURL), "says to change the placeholder")
        let programme = scratch.url.appendingPathComponent("my-programme")
        let built = try folio(["build"], in: programme)
        #expect(built.status == 0, "\(built.text)")
        #expect(built.text.hasSuffix(", 0 warnings\n"), "\(built.text)")
        let home = try String(contentsOf: programme.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("lang=\"pt-PT\"") && home.contains("My Programme"))

        let again = try folio(["init", "my-programme", "--title", "Other"], in: scratch.url)
        #expect(again.status == 2 && again.text.contains("is not empty"), "\(again.text)")
        let translated = try folio(["init", "other", "--title", "Other", "--languages", "en,fr"], in: scratch.url)
        #expect(translated.status == 2 && translated.text.contains("one language"), "\(translated.text)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("other").path))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func versionNamesTheReleaseAndTheCommit() throws {
        let version = try folio(["--version"])
        #expect(version.status == 0)
        // The executable may have been linked at another commit than this test: compare the release only.
        #expect(version.text.hasPrefix("folio \(FolioVersion.number) (commit "), "\(version.text)")
        #expect(version.text.wholeMatch(of: /folio [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}(-modified)?|unknown)\)\n/) != nil, "\(version.text)")
        let fixture = try BuildTests()
        let verbose = try folio(["build", "--verbose", "--content", fixture.content.path, "--layouts", BuildTests.layouts.path,
                                 "--output", fixture.output.path])
        #expect(verbose.status == 0 && verbose.text.contains(version.text), "\(verbose.text)")
    }
}
