import ArgumentParser
import FolioKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Loads and validates the content; writes nothing.",
        discussion: "Reports every problem as path:line:col: error: message, then a summary. Exit 1 if there is any error."
    )

    @OptionGroup var options: ContentOptions

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
    }

    func run() throws {
        let result = Pipeline.check(contentFolder: options.contentFolder)
        options.report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("content OK: \(result.content?.projects.count ?? 0) projects, \(result.content?.news.count ?? 0) news, \(result.content?.pages.count ?? 0) pages")
    }
}
