import Foundation

/// The files of a content folder, sorted and checked against the folder rules of the contract
/// (slugs, allowed files, nothing escaping the folder). Reading happens here; parsing does not.
struct ContentFolder {
    let root: URL
    var siteConfig: SourceFile?
    var metrics: SourceFile?
    var projects: [SourceFile] = []
    var news: [SourceFile] = []
    var pages: [SourceFile] = []
    /// Relative paths, sorted.
    var media: [String] = []

    static let markdownSections = ["projects", "news", "pages"]

    static func read(_ root: URL, log: DiagnosticLog) -> ContentFolder {
        var folder = ContentFolder(root: root)
        let fm = FileManager.default
        let rootPath = root.resolvingSymlinksInPath().path

        for name in sortedEntries(of: root) {
            let url = root.appendingPathComponent(name)
            switch name {
            case "site.yaml":
                folder.siteConfig = readText(url, path: name, log: log)
            case "projects", "news", "pages":
                let files = markdownFiles(in: url, section: name, rootPath: rootPath, log: log)
                switch name {
                case "projects": folder.projects = files
                case "news": folder.news = files
                default: folder.pages = files
                }
            case "data":
                for child in sortedEntries(of: url) {
                    let path = "data/\(child)"
                    if child == "metrics.yaml" {
                        folder.metrics = readText(url.appendingPathComponent(child), path: path, log: log)
                    } else {
                        log.warning(at: SourceLocation(file: path), "'\(path)' is not read by Folio: data/ holds only metrics.yaml",
                                    suggestion: Suggestion.closest(to: child, in: ["metrics.yaml"]))
                    }
                }
            case "media":
                folder.media = mediaFiles(in: url, prefix: "media", rootPath: rootPath, log: log)
            default:
                let expected = ["site.yaml", "projects", "news", "pages", "data", "media"]
                log.warning(at: SourceLocation(file: name), "'\(name)' is not part of the content format and is not published",
                            suggestion: Suggestion.closest(to: name, in: expected))
            }
        }
        if folder.siteConfig == nil, !fm.fileExists(atPath: root.appendingPathComponent("site.yaml").path) {
            log.error(at: SourceLocation(file: "site.yaml"), "missing site.yaml: every content folder needs one")
        }
        return folder
    }

    /// Hidden files are ignored, as the contract says; the rest in byte order so that no file
    /// system's directory order shows in the output.
    static func sortedEntries(of url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func markdownFiles(in url: URL, section: String, rootPath: String, log: DiagnosticLog) -> [SourceFile] {
        var candidates: [(url: URL, path: String)] = []
        let folderIsInside = isInside(url, rootPath: rootPath)
        for name in sortedEntries(of: url) {
            let path = "\(section)/\(name)"
            let fileURL = url.appendingPathComponent(name)
            guard let isFolder = isFolderInside(fileURL, path: path, rootPath: rootPath, parentIsInside: folderIsInside, log: log) else { continue }
            if isFolder {
                log.error(at: SourceLocation(file: path), "folders are not allowed in \(section)/: move the files in '\(path)' up one level")
                continue
            }
            guard name.hasSuffix(".md") else {
                log.error(at: SourceLocation(file: path), "only Markdown files (.md) belong in \(section)/; put other files in media/")
                continue
            }
            let slug = String(name.dropLast(3))
            if let problem = Slug.problem(with: slug, section: section) {
                log.error(at: SourceLocation(file: path), problem.message, suggestion: problem.suggestion.map { "\($0).md" })
                continue
            }
            candidates.append((fileURL, path))
        }
        // Read on all cores; the files and their problems stay in name order.
        let read = candidates.concurrentMap { candidate -> (file: SourceFile?, diagnostics: [Diagnostic]) in
            let fileLog = DiagnosticLog()
            return (readText(candidate.url, path: candidate.path, log: fileLog), fileLog.diagnostics)
        }
        log.append(contentsOf: read.flatMap(\.diagnostics))
        return read.compactMap(\.file)
    }

    private static func mediaFiles(in url: URL, prefix: String, rootPath: String, log: DiagnosticLog) -> [String] {
        var result: [String] = []
        let folderIsInside = isInside(url, rootPath: rootPath)
        for name in sortedEntries(of: url) {
            let path = "\(prefix)/\(name)"
            let child = url.appendingPathComponent(name)
            guard let isFolder = isFolderInside(child, path: path, rootPath: rootPath, parentIsInside: folderIsInside, log: log) else { continue }
            if isFolder {
                result += mediaFiles(in: child, prefix: path, rootPath: rootPath, log: log)
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Whether an entry is a folder; nil (and an error) when a symbolic link leads out of the
    /// content folder, which would publish files the editors never put there. Only symbolic
    /// links, or entries of a folder not itself inside, need their path resolved.
    private static func isFolderInside(_ url: URL, path: String, rootPath: String, parentIsInside: Bool, log: DiagnosticLog) -> Bool? {
        var status = stat()
        if parentIsInside, lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK {
            return (status.st_mode & S_IFMT) == S_IFDIR
        }
        guard isInside(url, rootPath: rootPath) else {
            log.error(at: SourceLocation(file: path), "'\(path)' is a link to a file outside the content folder")
            return nil
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        return isDirectory.boolValue
    }

    static func isInside(_ url: URL, rootPath: String) -> Bool {
        let resolved = url.resolvingSymlinksInPath().path
        return resolved == rootPath || resolved.hasPrefix(rootPath + "/")
    }

    /// Reads a file as UTF-8, reporting the line of the first invalid byte rather than crashing.
    static func readText(_ url: URL, path: String, log: DiagnosticLog) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(at: SourceLocation(file: path), "cannot read '\(path)'")
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            log.error(at: SourceLocation(file: path, line: line, column: column),
                      "'\(path)' is not UTF-8 text; save it as UTF-8 in your editor")
            return nil
        }
        let hasCarriageReturns = text.utf8.contains(UInt8(ascii: "\r"))
        return SourceFile(path: path, text: hasCarriageReturns ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
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
