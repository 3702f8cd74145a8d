import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the editors' text files (`site.yaml`, `data/metrics.yaml`, the Markdown files): plain
/// files only, at most `byteLimit` bytes, UTF-8, with a byte-order mark dropped and every line
/// break (`\r\n`, and `\r` alone as old Mac editors write it) made `\n`, so that line numbers are
/// the ones the editor's own program shows.
enum TextFile {
    /// 1 MB: far beyond any project description or metrics file, small enough that no file can
    /// make a build slow or large.
    static let byteLimit = 1_000_000

    static func read(_ url: URL, path: String, log: DiagnosticLog) -> SourceFile? {
        var status = stat()
        if stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > byteLimit {
            log.error(at: SourceLocation(file: path), "'\(path)' is \(Int(status.st_size) / 1000) kB; Folio reads text files of at most \(byteLimit / 1_000_000) MB: split it or shorten it")
            return nil
        }
        guard let data = PlainFile.bytes(at: url, limit: byteLimit) else {
            log.error(at: SourceLocation(file: path), "cannot read '\(path)': it is not a plain, readable file")
            return nil
        }
        return decode(data, path: path, log: log)
    }

    /// The text of a file's bytes, as `read` makes it (also what the loader's fuzz test feeds).
    static func decode(_ data: Data, path: String, log: DiagnosticLog) -> SourceFile? {
        guard var text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            log.error(at: SourceLocation(file: path, line: line, column: column),
                      "'\(path)' is not UTF-8 text; save it as UTF-8 in your editor")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceFile(path: path, text: unixLineBreaks(text))
    }

    /// `\r\n` and lone `\r` as `\n`. (Swift's `Character` holds `\r\n` as one character, so the
    /// replacement works on scalars.)
    static func unixLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { result.append(scalar) }
            previousWasCR = false
        }
        return String(result)
    }

    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var decoder = UTF8()
        var bytes = data.makeIterator()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
