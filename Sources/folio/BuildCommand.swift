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
    @OptionGroup var folders: BuildFolders

    func validate() throws {
        try folders.validate(with: options)
    }

    func run() throws {
        let started = DispatchTime.now()
        let report = Pipeline.build(folders.buildOptions(options))
        options.report(report.diagnostics)
        guard report.succeeded else {
            printError("build failed: '\(folders.output)' was left as it was")
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let warnings = report.diagnostics.count
        options.detail("content: \(options.content), layouts: \(folders.layouts), \(report.fileCount) files rendered")
        options.detail("stages: \(report.stageTimes.summary)")
        if options.quiet { return }
        let pdf = report.pdfPages > 0 ? ", PDF \(report.pdfPages) pages \(report.pdfBytes / 1024) KB" : ""
        print("built \(folders.output)/: \(report.pageCount) pages, booklet \(report.epubBytes / 1024) KB\(pdf), \(String(format: "%.2f", seconds)) s, \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
