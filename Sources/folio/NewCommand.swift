import ArgumentParser
import FolioKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a project, news item or page with every required key, ready to edit.",
        discussion: "Never overwrites a file. The slug follows the same rules as file names: lowercase letters, digits and single hyphens."
    )

    @Argument(help: "What to create: project, news, page or translation.")
    var kind: NewContentFile.Kind

    @Argument(help: "The slug: the file name without .md, e.g. agri-sat. For a translation, the source file: projects/agri-sat.md.")
    var slug: String

    @Argument(help: "For a translation: the language code from site.yaml's languages, e.g. es.")
    var language: String?

    @Option(name: .long, help: "For news: the date, YYYY-MM-DD (default: today).")
    var date: String?

    @OptionGroup var options: ContentOptions

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
    }

    func run() throws {
        // The one place the clock is read: a new news item is dated today unless told otherwise.
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let config = Pipeline.check(contentFolder: options.contentFolder).content?.config
        let made: Result<(path: String, text: String), Diagnostic>
        if kind == .translation, let language, let config {
            // The source may be given from the current folder (Content/projects/a.md) or from the content folder.
            let source = slug.hasPrefix(options.content + "/") ? String(slug.dropFirst(options.content.count + 1)) : slug
            made = NewTranslationFile.make(source: source, language: language, config: config, contentFolder: options.contentFolder)
        } else if kind == .translation {
            printError("folio new translation needs the source file and a language: folio new translation projects/agri-sat.md es")
            throw ExitCode(1)
        } else {
            made = NewContentFile.make(kind, slug: slug, date: date ?? today, sectorIDs: config?.sectorIDs ?? [])
        }
        switch made {
        case .failure(let problem):
            var located = problem
            located.location.file = options.content + "/" + problem.location.file
            options.report([located])
            throw ExitCode(1)
        case .success(let file):
            let url = options.contentFolder.appendingPathComponent(file.path)
            if FileManager.default.fileExists(atPath: url.path) {
                printError("\(options.content)/\(file.path):1:1: error: the file already exists; choose another slug")
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
            print("created \(options.content)/\(file.path)")
        }
    }
}

extension NewContentFile.Kind: ExpressibleByArgument {}
