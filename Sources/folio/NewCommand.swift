import ArgumentParser
import FolioKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a project, news item or page with every required key, ready to edit.",
        discussion: "Never overwrites a file. The slug follows the same rules as file names: lowercase letters, digits and single hyphens."
    )

    @Argument(help: "What to create: project, news or page.")
    var kind: NewContentFile.Kind

    @Argument(help: "The slug: the file name without .md, e.g. agri-sat.")
    var slug: String

    @Option(name: .long, help: "For news: the date, YYYY-MM-DD (default: today).")
    var date: String?

    @OptionGroup var options: ContentOptions

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
    }

    func run() throws {
        // The one place the clock is read: a new news item is dated today unless told otherwise.
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let sectors = Pipeline.check(contentFolder: options.contentFolder).content?.config.sectorIDs ?? []
        switch NewContentFile.make(kind, slug: slug, date: date ?? today, sectorIDs: sectors) {
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
