import ArgumentParser
import FolioKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Loads and validates the content; writes nothing.",
        discussion: """
        Reports every problem as path:line:col: error: message, then a summary. With --output, \
        also checks an existing output folder: every relative link and anchor resolves to a file, \
        and no page loads anything from another host. Exit 1 if there is any error.
        """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "An output folder to check as well (links, anchors, remote resources).")
    var output: String?

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
    }

    func run() throws {
        let result = Pipeline.check(contentFolder: options.contentFolder)
        var diagnostics = result.diagnostics
        if let output {
            try options.validateFolder(output, flag: "--output")
            diagnostics += Pipeline.checkOutput(URL(fileURLWithPath: output), content: result.content)
        }
        options.report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
        if options.quiet { return }
        print("content OK: \(result.content?.projects.count ?? 0) projects, \(result.content?.news.count ?? 0) news, \(result.content?.pages.count ?? 0) pages")
    }
}
