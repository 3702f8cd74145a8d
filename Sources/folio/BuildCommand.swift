import ArgumentParser
import FolioKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the website and the booklet into the output folder.",
        discussion: """
        Writes into a temporary folder beside the output, checks every link of every page, and \
        swaps the new output in only when everything succeeded: on any error the existing output \
        is left as it was. Dates come from the content, or from SOURCE_DATE_EPOCH when it is set.
        """
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
        let started = DispatchTime.now()
        let report = Pipeline.build(.init(
            content: options.contentFolder,
            layouts: URL(fileURLWithPath: layouts),
            output: URL(fileURLWithPath: output),
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
        ))
        options.report(report.diagnostics)
        guard report.succeeded else {
            printError("build failed: '\(output)' was left as it was")
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let warnings = report.diagnostics.count
        options.detail("content: \(options.content), layouts: \(layouts), \(report.fileCount) files rendered")
        if options.quiet { return }
        print("built \(output)/: \(report.pageCount) pages, booklet \(report.epubBytes / 1024) KB, \(String(format: "%.2f", seconds)) s, \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
