import ArgumentParser
import FolioKit
import Foundation

@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Builds a programme's website and booklet from a folder of Markdown and YAML.",
        discussion: """
        Exit status: 0 on success, 1 when the content has errors, 2 for usage errors \
        (unknown flag, missing folder).
        """,
        version: FolioVersion.description,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self,
                      DoctorCommand.self]
    )

    /// ArgumentParser exits 64 on usage errors; the brief promises 2, as most Unix tools do.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
