import Foundation

/// Turns the folder-relative paths inside diagnostics into paths relative to the current
/// directory, which is what terminals and editors open on click.
struct DisplayPaths {
    let contentPrefix: String

    init(contentFolder: URL, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        contentPrefix = Self.relativePath(of: contentFolder, from: currentDirectory)
    }

    func contentPath(_ path: String) -> String {
        contentPrefix.isEmpty ? path : contentPrefix + "/" + path
    }

    func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var copy = diagnostic
            if !copy.location.file.hasPrefix("/") { copy.location.file = contentPath(copy.location.file) }
            return copy
        }
    }

    static func relativePath(of url: URL, from base: URL) -> String {
        let target = url.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path
        if target == basePath { return "" }
        if target.hasPrefix(basePath + "/") { return String(target.dropFirst(basePath.count + 1)) }
        return target
    }
}
