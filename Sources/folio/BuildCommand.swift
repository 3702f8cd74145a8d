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
        is left as it was. Dates come from the content, or from SOURCE_DATE_EPOCH when it is set. \
        A second build into the same output waits for the first to finish (up to 2 minutes). \
        Folio's caches live in .folio-cache/ beside the output, never in it.
        """
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var folders: BuildFolders

    @Flag(name: .long, help: "Also write the whole site as a ZIP beside the output folder (Output.zip): byte-identical for the same content, it opens from disk and works offline.")
    var archive = false

    func validate() throws {
        try folders.validate(with: options)
    }

    func run() throws {
        let started = DispatchTime.now()
        options.detail(FolioVersion.description)
        var buildOptions = folders.buildOptions(options)
        buildOptions.archive = archive
        let report = Pipeline.build(buildOptions)
        options.report(report.diagnostics)
        guard report.succeeded else {
            printError("build failed: '\(folders.output)' was left as it was")
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let warnings = report.diagnostics.count
        options.detail("content: \(options.content), layouts: \(folders.layouts), \(report.fileCount) files rendered")
        options.detail("stages: \(report.stageTimes.summary)")
        report.translationTable.forEach { line in options.detail(line) }
        if options.quiet { return }
        let pdf = report.pdfPages > 0 ? ", PDF \(report.pdfPages) pages \(report.pdfSizeText)" : ""
        let zip = archive ? ", archive \(SiteArchive.location(output: URL(fileURLWithPath: folders.output)).lastPathComponent)" : ""
        print("built \(folders.output)/: \(report.pageCount) pages, booklet \(report.epubSizeText)\(pdf)\(zip), \(String(format: "%.2f", seconds)) s, \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
