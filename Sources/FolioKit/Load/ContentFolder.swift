import Foundation

/// The files of a content folder, sorted and checked against the folder rules of the contract
/// (slugs, allowed files, nothing hidden, nothing escaping the folder). Reading happens here;
/// parsing does not. Every entry is listed by `FileTree`, the one place that decides what a
/// symbolic link, a FIFO or a hidden file is.
struct ContentFolder {
    let root: URL
    var siteConfig: SourceFile?
    var metrics: SourceFile?
    var projects: [SourceFile] = []
    var news: [SourceFile] = []
    var pages: [SourceFile] = []
    /// `<slug>.<code>.md` files of the three sections, in path order (see `TranslationName`).
    var translations: [SourceFile] = []
    var media = MediaFolder.Listing()

    static let markdownSections = ["projects", "news", "pages"]

    /// `texts`: files read by an earlier load of the same folder, reused while unchanged.
    static func read(_ root: URL, log: DiagnosticLog, texts: TextFileCache? = nil) -> ContentFolder {
        let readText: @Sendable (URL, String, DiagnosticLog) -> SourceFile? = { url, path, log in
            if let texts { return texts.read(url, path: path, log: log) }
            return TextFile.read(url, path: path, log: log)
        }
        var folder = ContentFolder(root: root)
        var sawSiteConfig = false
        for entry in FileTree.entries(of: root, within: root) {
            let name = entry.name
            if case .problem(let reason) = entry.kind {
                log.error(at: SourceLocation(file: name), "'\(name)' \(reason)")
                if name == "site.yaml" { sawSiteConfig = true }
                continue
            }
            switch name {
            case "site.yaml":
                sawSiteConfig = true
                folder.siteConfig = readText(entry.url, name, log)
            case "projects", "news", "pages":
                let read = markdownFiles(in: entry.url, section: name, root: root, log: log, readText: readText)
                let files = read.filter { !$0.isTranslation }.map(\.file)
                folder.translations += read.filter(\.isTranslation).map(\.file)
                switch name {
                case "projects": folder.projects = files
                case "news": folder.news = files
                default: folder.pages = files
                }
            case "data":
                for child in FileTree.entries(of: entry.url, within: root) {
                    let path = "data/\(child.name)"
                    if case .problem(let reason) = child.kind {
                        log.error(at: SourceLocation(file: path), "'\(path)' \(reason)")
                    } else if child.name == "metrics.yaml" {
                        folder.metrics = readText(child.url, path, log)
                    } else {
                        log.warning(at: SourceLocation(file: path), "'\(path)' is not read by Folio: data/ holds only metrics.yaml",
                                    suggestion: Suggestion.closest(to: child.name, in: ["metrics.yaml"]))
                    }
                }
            case "media":
                folder.media = MediaFolder.read(contentFolder: root)
                log.append(contentsOf: folder.media.diagnostics)
            default:
                let expected = ["site.yaml", "projects", "news", "pages", "data", "media"]
                log.warning(at: SourceLocation(file: name), "'\(name)' is not part of the content format and is not published",
                            suggestion: Suggestion.closest(to: name, in: expected))
            }
        }
        if !sawSiteConfig {
            log.error(at: SourceLocation(file: "site.yaml"), "missing site.yaml: every content folder needs one")
        }
        return folder
    }

    /// The visible names of a folder in byte order (the layouts are listed with it too).
    static func sortedEntries(of url: URL) -> [String] {
        FileTree.visibleNames(in: url)
    }

    private static func markdownFiles(in url: URL, section: String, root: URL, log: DiagnosticLog,
                                      readText: @escaping @Sendable (URL, String, DiagnosticLog) -> SourceFile?)
        -> [(file: SourceFile, isTranslation: Bool)] {
        // Whether a file is a translation is decided once here (the preview lists 6,000 files per save).
        var candidates: [(url: URL, path: String, isTranslation: Bool)] = []
        for entry in FileTree.entries(of: url, within: root) {
            let path = "\(section)/\(entry.name)"
            switch entry.kind {
            case .problem(let reason):
                log.error(at: SourceLocation(file: path), "'\(path)' \(reason)")
                continue
            case .folder:
                log.error(at: SourceLocation(file: path), "folders are not allowed in \(section)/: move the files in '\(path)' up one level")
                continue
            case .file:
                break
            }
            guard entry.name.hasSuffix(".md") else {
                log.error(at: SourceLocation(file: path), "only Markdown files (.md) belong in \(section)/; put other files in media/")
                continue
            }
            let slug = String(entry.name.dropLast(3))
            if TranslationName(path: path) != nil {
                candidates.append((entry.url, path, true))
                continue
            }
            if let problem = Slug.problem(with: slug, section: section) {
                log.error(at: SourceLocation(file: path), problem.message, suggestion: problem.suggestion.map { "\($0).md" })
                continue
            }
            candidates.append((entry.url, path, false))
        }
        // Read on all cores; the files and their problems stay in name order.
        let read = candidates.concurrentMap { candidate -> (file: SourceFile?, isTranslation: Bool, diagnostics: [Diagnostic]) in
            let fileLog = DiagnosticLog()
            return (readText(candidate.url, candidate.path, fileLog), candidate.isTranslation, fileLog.diagnostics)
        }
        log.append(contentsOf: read.flatMap(\.diagnostics))
        return read.compactMap { read in read.file.map { ($0, read.isTranslation) } }
    }
}
