import ArgumentParser
import FolioKit
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Checks that this machine has what Folio needs, and says what to install.",
        discussion: """
        Checks the shared libraries Folio is built against (cmark-gfm, libxml2, zlib, libvips), \
        python3 with Typst for the PDF booklet, and Java with EPUBCheck for the optional EPUB \
        check, and names the Debian 12 packages to install. Exit 1 when something `folio build` \
        cannot do without is missing.
        """
    )

    @Flag(name: .long, help: "Print only the Debian packages `folio build` needs, one per line.")
    var packages = false

    func run() throws {
        if packages {
            MachineCheck.runtimePackages.forEach { print($0) }
            return
        }
        print(FolioVersion.description)
        let (lines, missingRequired) = MachineCheck.report(MachineCheck.run())
        lines.forEach { print($0) }
        if missingRequired { throw ExitCode(1) }
    }
}
