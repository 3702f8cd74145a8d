import Foundation
import Testing
@testable import FolioKit

/// `folio init`: a new programme made from the repository's Starter/ and Layouts/ builds with no
/// error and no warning and has no broken link; a folder with anything in it is refused.
@Suite struct ProgrammeStarterTests {
    static let installation = Installation(root: BuildTests.repository)
    private let scratch = TemporaryFolder("folio-init")
    var programme: URL { scratch.url.appendingPathComponent("programme") }

    static func answers(title: String = "Trial Programme", baseURL: String? = nil) -> ProgrammeStarter.Answers {
        .init(title: title, language: "en", baseURL: baseURL, date: "2026-03-04",
              identifier: "urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc")
    }

    @Test func newProgrammeBuildsWithoutWarningsAndWithWorkingLinks() throws {
        try ProgrammeStarter.write(try ProgrammeStarter.files(from: Self.installation, answers: Self.answers()), into: programme)
        let output = programme.appendingPathComponent("Output")
        let report = Pipeline.build(.init(content: programme.appendingPathComponent("Content"),
                                          layouts: programme.appendingPathComponent("Layouts"), output: output))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.location) \($0.text)" })")
        #expect(report.pageCount > 10)
        #expect(LinkChecker.check(folder: output, sitePath: "/").isEmpty)
        for path in ["projects/example-project.html", "news/2026-01-15-example-news.html", "pages/about.html", "booklet/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        let site = try String(contentsOf: programme.appendingPathComponent("Content/site.yaml"), encoding: .utf8)
        #expect(site.contains("title: \"Trial Programme\"") && site.contains("date: \"2026-03-04\""))
        #expect(!site.contains("{{"), "a blank of the template was left unfilled")
        let ignored = try String(contentsOf: programme.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.contains("/Output/") && ignored.contains(".folio-cache/"))
        // The layouts are a full copy: the same files, byte for byte.
        #expect(FileTree.files(in: programme.appendingPathComponent("Layouts")) == FileTree.files(in: Self.installation.layouts))
    }

    /// Quotes, colons, a YAML comment sign, braces and non-Latin letters in the title stay one
    /// value, read back exactly; answers that break the content rules are refused before writing.
    @Test func hostileTitlesStayOneValue() throws {
        let title = #"A: "B" # c \ {d} [e] & *f 'g' – Ελληνικά"#
        try ProgrammeStarter.write(try ProgrammeStarter.files(from: Self.installation, answers: Self.answers(title: title)), into: programme)
        let checked = Pipeline.check(contentFolder: programme.appendingPathComponent("Content"))
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        #expect(checked.content?.config.title == title)
        #expect(checked.content?.config.booklet.title == title)
        #expect(ProgrammeStarter.yamlQuoted("a\"b\\c\nd") == #""a\"b\\c\u000Ad""#)
        #expect(ProgrammeStarter.problems(with: Self.answers(title: "two\nlines")).count == 1)
        var answers = Self.answers(baseURL: "ftp://x")
        answers.language = "english!"
        #expect(ProgrammeStarter.problems(with: answers).count == 2)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        try FileManager.default.createDirectory(at: programme, withIntermediateDirectories: true)
        #expect(ProgrammeStarter.refusal(for: programme) == nil, "an empty folder is fine")
        try Data().write(to: programme.appendingPathComponent(".git"))
        let files = try ProgrammeStarter.files(from: Self.installation, answers: Self.answers())
        #expect(throws: ProgrammeStarter.Refusal.self) { try ProgrammeStarter.write(files, into: programme) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.path) == [".git"], "nothing was written")
    }

    /// `folio init .` in a new empty folder: the folder itself stays (it is the shell's current
    /// folder) and receives the files.
    @Test func fillsAnEmptyFolderInPlace() throws {
        try FileManager.default.createDirectory(at: programme, withIntermediateDirectories: true)
        let inode = try FileManager.default.attributesOfItem(atPath: programme.path)[.systemFileNumber] as? Int
        try ProgrammeStarter.write(try ProgrammeStarter.files(from: Self.installation, answers: Self.answers()), into: programme)
        #expect(try FileManager.default.attributesOfItem(atPath: programme.path)[.systemFileNumber] as? Int == inode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.path).sorted() == [".github", ".gitignore", "Content", "Layouts"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["programme"], "no staging folder left")
    }

    /// Folio's own repository runs the workflow that `folio init` gives a programme: one file.
    @Test func repositoryWorkflowIsTheStarterWorkflow() throws {
        let starter = try Data(contentsOf: Self.installation.starter.appendingPathComponent(".github/workflows/site.yml"))
        let repository = try Data(contentsOf: BuildTests.repository.appendingPathComponent(".github/workflows/site.yml"))
        #expect(starter == repository, "copy Starter/.github/workflows/site.yml to .github/workflows/site.yml")
    }

    @Test func installationIsFoundAboveTheExecutableOrFromFolioHome() throws {
        let executable = BuildTests.repository.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/folio")
        let found = try Installation.locate(environment: [:], executable: executable).get()
        #expect(found.root.standardizedFileURL.path == BuildTests.repository.standardizedFileURL.path)
        #expect(throws: Installation.Problem.self) { try Installation.locate(environment: ["FOLIO_HOME": scratch.url.path], executable: executable).get() }
        #expect(throws: Installation.Problem.self) { try Installation.locate(environment: [:], executable: URL(fileURLWithPath: "/usr/bin/folio")).get() }
    }
}
