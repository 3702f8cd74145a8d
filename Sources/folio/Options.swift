import ArgumentParser
import FolioKit
import Foundation

/// Flags shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder: site.yaml, projects/, news/, pages/, data/, media/.")
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("How to print problems: 'human' (path:line:col: error: …) or 'github' (annotations on pull requests)."))
    var diagnostics: DiagnosticFormat = .human

    var contentFolder: URL { URL(fileURLWithPath: content) }

    func validateFolder(_ path: String, flag: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(flag) '\(path)' is not a folder")
        }
    }

    /// Prints diagnostics (errors first, then warnings, each sorted by file and line) and the summary.
    func report(_ diagnostics: [Diagnostic]) {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        for diagnostic in ordered {
            printError(self.diagnostics.line(for: diagnostic, displayPath: { $0 }))
        }
        if !diagnostics.isEmpty { printError(DiagnosticFormat.summary(of: diagnostics)) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
