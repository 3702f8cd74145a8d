import ArgumentParser
import FolioKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Loads and validates the content; writes nothing.",
        discussion: """
        Reports every problem as path:line:col: error: message, then a summary. Images are \
        checked by their headers (readable, the format their names say, not too large); a file \
        damaged after its header is found by `folio build`. With --output, \
        also checks an existing output folder: every relative link and anchor resolves to a file, \
        and no page loads anything from another host. Exit 1 if there is any error.
        """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "An output folder to check as well (links, anchors, remote resources).")
    var output: String?

    @Option(name: .long, help: "The layouts folder, whose strings.<code>.yaml files are checked, when it exists, for a site in several languages.")
    var layouts: String = "Layouts"

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
    }

    func run() throws {
        let result = Pipeline.check(contentFolder: options.contentFolder)
        var diagnostics = result.diagnostics
        if let content = result.content { diagnostics += Pipeline.checkImages(content, contentFolder: options.contentFolder) }
        if let output {
            try options.validateFolder(output, flag: "--output")
            diagnostics += Pipeline.checkOutput(URL(fileURLWithPath: output), content: result.content)
        }
        // A site in several languages: each language's strings file is part of what is checked.
        var theme: Theme?
        if let content = result.content, content.config.isMultilingual, FileManager.default.fileExists(atPath: layouts) {
            let loaded = Theme.load(from: URL(fileURLWithPath: layouts), languages: content.config.languageCodes)
            theme = loaded.theme
            diagnostics += loaded.diagnostics.map(Pipeline.displayLayoutPath)
        }
        options.report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
        if options.quiet { return }
        print("content OK: \(result.content?.projects.count ?? 0) projects, \(result.content?.news.count ?? 0) news, \(result.content?.pages.count ?? 0) pages")
        if let content = result.content { TranslationTable.lines(content, theme: theme).forEach { print($0) } }
    }
}
