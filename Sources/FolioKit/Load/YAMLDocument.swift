import Foundation
import Yams

/// Parses YAML text into Yams nodes, turning syntax errors and duplicate keys into diagnostics at
/// the right line of the file.
enum YAMLDocument {
    /// Whether `yaml` holds no document at all: only blanks, comments or byte order marks, which
    /// libyaml reads as nothing rather than as an error (and `parse` gives nil without a word).
    static func isEmpty(_ yaml: String) -> Bool {
        guard YAMLLimits.problem(in: yaml) == nil else { return false }
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8) == nil
        } catch {
            return false
        }
    }

    /// `firstLine` is the file line of the YAML's first line.
    static func parse(_ yaml: String, file: String, firstLine: Int, log: DiagnosticLog) -> Node? {
        let offset = firstLine - 1
        if let problem = YAMLLimits.problem(in: yaml) {
            log.error(at: SourceLocation(file: file, line: problem.line + offset, column: problem.column), problem.message)
            return nil
        }
        do {
            // Folio reads every scalar as text and converts it itself, so Yams need not guess
            // tags with its regular expressions; and UTF-8 said outright spares Yams reading
            // the whole environment for YAMS_DEFAULT_ENCODING on every file.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                let (line, column) = withinText(line: mark.line, column: mark.column, of: yaml)
                log.error(at: SourceLocation(file: file, line: line + offset, column: column), "invalid YAML: \(problem)")
            case let .reader(problem, byteOffset, value, _):
                // libyaml refuses control characters (a pasted escape code, a NUL) by byte offset.
                let (line, column) = position(ofByte: byteOffset ?? 0, in: yaml)
                let character = value > 0 ? " (U+\(String(format: "%04X", value)))" : ""
                log.error(at: SourceLocation(file: file, line: line + offset, column: column), "invalid YAML: \(problem)\(character); delete it or write it as an escape in double quotes")
            case let .duplicatedKeysInMapping(duplicates, context):
                for key in duplicates {
                    let line = secondOccurrence(ofKey: key, in: yaml, after: context.mark.line) ?? context.mark.line
                    log.error(at: SourceLocation(file: file, line: line + offset, column: column(ofKey: key, line: line, in: yaml)),
                              "duplicate key '\(Printable.short(key))'")
                }
            default:
                // Yams' own descriptions quote the whole document: the message stays one short line.
                log.error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(Printable.short(String(describing: error)))")
            }
        } catch {
            log.error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(Printable.short(String(describing: error)))")
        }
        return nil
    }

    /// libyaml puts the end of a text without a final line break on the line after it: such a
    /// mark is moved to the end of the last line, where the editor can see it.
    private static func withinText(line: Int, column: Int, of text: String) -> (line: Int, column: Int) {
        let lines = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard line > lines else { return (line, column) }
        let last = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return (lines, last.count + 1)
    }

    /// 1-based line and column (in characters) of a UTF-8 byte offset.
    private static func position(ofByte byteOffset: Int, in text: String) -> (line: Int, column: Int) {
        let bytes = text.utf8.prefix(max(0, byteOffset))
        let line = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = bytes.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
        let column = String(decoding: text.utf8[lineStart..<bytes.endIndex], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Yams reports a duplicate at its first occurrence; the editor's mistake is the later one.
    private static func secondOccurrence(ofKey key: String, in yaml: String, after firstLine: Int) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (index, line) in lines.enumerated() where Self.line(line, definesKey: key) {
            seen += 1
            if seen >= 2 && index + 1 > firstLine - 1 { return index + 1 }
        }
        return nil
    }

    private static func line(_ line: Substring, definesKey key: String) -> Bool {
        var rest = line.drop { $0 == " " || $0 == "-" }
        if rest.hasPrefix("\"") || rest.hasPrefix("'") { rest = rest.dropFirst() }
        guard rest.hasPrefix(key) else { return false }
        let after = rest.dropFirst(key.count).drop { $0 == "\"" || $0 == "'" || $0 == " " }
        return after.hasPrefix(":")
    }

    private static func column(ofKey key: String, line: Int, in yaml: String) -> Int {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let range = lines[line - 1].range(of: key) else { return 1 }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: range.lowerBound) + 1
    }
}
