import ArgumentParser
import FolioKit
import Foundation

/// Flags shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder: site.yaml, projects/, news/, pages/, data/, media/.")
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("How to print problems: 'human' (path:line:col: error: …) or 'github' (annotations on pull requests)."))
    var diagnostics: DiagnosticFormat = .human

    @Flag(name: .shortAndLong, help: "Print only errors: no warnings, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what was read and written.")
    var verbose = false

    var contentFolder: URL { URL(fileURLWithPath: content) }

    func validateFolder(_ path: String, flag: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(flag) '\(path)' is not a folder")
        }
    }

    /// Prints diagnostics, errors first, grouped by file (they arrive sorted by file and line),
    /// then the summary. Colour only on a terminal, and never when NO_COLOR is set.
    func report(_ diagnostics: [Diagnostic]) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        let ordered = shown.filter { $0.severity == .error } + shown.filter { $0.severity == .warning }
        let colour = self.diagnostics == .human && isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for diagnostic in ordered {
            let line = self.diagnostics.line(for: diagnostic, displayPath: { $0 })
            guard colour else { printError(line); continue }
            let code = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
            printError(line.replacingOccurrences(of: " \(diagnostic.severity.rawValue): ", with: " \(code)\(diagnostic.severity.rawValue)\u{1B}[0m: "))
        }
        if !diagnostics.isEmpty, !quiet { printError(DiagnosticFormat.summary(of: diagnostics)) }
    }

    /// A line of progress, printed only with --verbose.
    func detail(_ line: @autoclosure () -> String) {
        if verbose { printError(line()) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Unbuffered, so progress shows at once even when the output goes to a log.
func printOut(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
