import Foundation

/// Typst, the typesetter of the PDF edition, run from its PyPI package (`typst` 0.15) through
/// `python3` as a subprocess: the only place Folio leaves Swift for the PDF. The PDF is tagged and
/// conforms to PDF/A-2b and PDF/UA-1; system fonts are never used, so every machine gives the
/// same bytes.
struct TypstEngine: Sendable {
    static let installHint = "python3 -m pip install \"typst==0.15.*\""
    var python = "python3"

    enum Outcome: Equatable {
        /// `warnings`: Typst's warnings, each with the place it names (usually a template line).
        case typeset(pages: Int, warnings: [String])
        /// Typst's own words: message, the place it names (`booklet.typ:12:3`) and hints.
        case failed(message: String, diagnostic: String)
        /// No python3, no `typst` package, or a version other than 0.15.
        case missing(String)
    }

    /// The driver: compiles `main` in `folder` into `output` and prints one line of JSON.
    /// Page count from the page tree's `/Count`, which Typst writes uncompressed.
    static let driver = #"""
    import json, re, sys
    try:
        import typst
    except Exception as error:
        print(json.dumps({"missing": "the Python package 'typst' is not installed (%s)" % error})); sys.exit(0)
    if not typst.__version__.startswith("0.15."):
        print(json.dumps({"missing": "Typst %s is installed; Folio needs 0.15" % typst.__version__})); sys.exit(0)
    folder, main, output = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        _, warnings = typst.compile_with_warnings(folder + "/" + main, output=output, root=folder,
                                                  ignore_system_fonts=True, pdf_standards=["a-2b", "ua-1"])
    except typst.TypstError as error:
        print(json.dumps({"message": error.message, "diagnostic": error.diagnostic, "hints": list(error.hints or [])}))
        sys.exit(0)
    except Exception as error:
        print(json.dumps({"message": str(error), "diagnostic": "", "hints": []})); sys.exit(0)
    with open(output, "rb") as pdf:
        counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read())]
    print(json.dumps({"pages": max(counts) if counts else 0, "warnings": [w.diagnostic or w.message for w in warnings]}))
    """#

    /// Typesets `folder/main` into `output`.
    func compile(folder: URL, main: String, output: URL) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", Self.driver, folder.path, main, output.path]
        var environment = ProcessInfo.processInfo.environment
        // Typst reads no clock or locale once the document sets its date; these keep Python quiet and predictable.
        environment["PYTHONIOENCODING"] = "utf-8"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .missing("cannot run \(python): \(error.localizedDescription)")
        }
        // Read both pipes to the end before waiting, so that a full pipe never blocks the child.
        let errorReading = BackgroundTask { stderr.fileHandleForReading.readDataToEndOfFile() }
        let printed = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: errorReading.wait(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { return .missing("\(python) is not installed") }
            return .failed(message: "the typesetter stopped (exit status \(process.terminationStatus))", diagnostic: errors)
        }
        let line = printed.split(separator: UInt8(ascii: "\n")).last.map { Data($0) } ?? Data()
        guard let reply = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return .failed(message: "the typesetter gave no answer", diagnostic: errors)
        }
        if let missing = reply["missing"] as? String { return .missing(missing) }
        if let pages = reply["pages"] as? Int { return .typeset(pages: pages, warnings: reply["warnings"] as? [String] ?? []) }
        let hints = (reply["hints"] as? [String] ?? []).map { "hint: \($0)" }
        let diagnostic = ([reply["diagnostic"] as? String ?? ""] + hints).filter { !$0.isEmpty }.joined(separator: "\n")
        return .failed(message: reply["message"] as? String ?? "unknown error", diagnostic: diagnostic)
    }
}
