import ArgumentParser
import FolioKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Starts a new programme's site in a new or empty folder.",
        discussion: """
        Writes Content/ (site.yaml from the answers and one example project, news item and page, \
        every key explained in comments), a copy of the default Layouts/, a .gitignore and the \
        GitHub workflow (.github/workflows/site.yml). Run `folio build` inside the folder: it \
        needs no flags. Refuses a folder that is not empty.
        """
    )

    @Argument(help: "The folder to create (or an empty one).")
    var folder: String

    @Option(name: .long, help: "The programme's name, shown on every page and the booklet.")
    var title: String

    @Option(name: .long, help: "The language of the content, a BCP 47 tag such as en, es or pt-PT (default: en).")
    var language: String?

    @Option(name: .long, help: ArgumentHelp(
        "The site's languages, comma-separated. Folio builds one language per site for now: give one, the same as --language.",
        valueName: "tags"))
    var languages: String?

    @Option(name: .customLong("base-url"), help: "The address the site will be published at, e.g. https://owner.github.io/repository/ (default: a placeholder to change in site.yaml).")
    var baseURL: String?

    func validate() throws {
        let listed = (languages ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if listed.count > 1 {
            throw ValidationError("--languages: Folio does not build translated sites yet; a site has one language. Give one language, e.g. --language \(listed[0])")
        }
        if let language, let listedLanguage = listed.first, listedLanguage != language {
            throw ValidationError("--languages '\(listedLanguage)' differs from --language '\(language)': a site has one language")
        }
        for problem in ProgrammeStarter.problems(with: answers) { throw ValidationError(problem) }
        if let refusal = ProgrammeStarter.refusal(for: URL(fileURLWithPath: folder)) { throw ValidationError(refusal.description) }
    }

    /// The clock and a random number are read here, once: the booklet's date and identifier.
    var answers: ProgrammeStarter.Answers {
        let listed = languages?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        return .init(title: title, language: language ?? listed ?? "en", baseURL: baseURL,
                     date: ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate]),
                     identifier: "urn:uuid:" + UUID().uuidString.lowercased())
    }

    func run() throws {
        let installation: Installation
        switch Installation.locate() {
        case .success(let found): installation = found
        case .failure(let problem):
            printError("error: \(problem)")
            throw ExitCode(1)
        }
        let target = URL(fileURLWithPath: folder)
        do {
            try ProgrammeStarter.write(try ProgrammeStarter.files(from: installation, answers: answers), into: target)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        print("created \(folder)/ with Content/, Layouts/, .gitignore and .github/workflows/site.yml")
        if baseURL == nil {
            print("note: base_url in \(folder)/Content/site.yaml is the placeholder \(ProgrammeStarter.placeholderBaseURL); change it to the site's address")
        }
        print("next: cd \(folder) && folio build, then open Output/index.html")
    }
}
