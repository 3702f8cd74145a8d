import ArgumentParser
import FolioKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the website and the booklet into the output folder.",
        discussion: "Writes into a temporary folder beside the output and swaps it in only when everything succeeded: on any error the existing output is left as it was."
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "The layouts folder: Mustache templates, assets/ and strings.yaml.")
    var layouts: String = "Layouts"

    @Option(name: .long, help: "The output folder, replaced as a whole on success.")
    var output: String = "Output"

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
        try options.validateFolder(layouts, flag: "--layouts")
    }

    func run() throws {
        let result = Pipeline.check(contentFolder: options.contentFolder)
        options.report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
