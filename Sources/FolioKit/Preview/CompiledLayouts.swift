import Foundation

/// The layouts as the last preview compiled them, reused while no file under the layouts folder
/// changed and the site has the same languages: compiling every template again took 15 ms of
/// each save at 2,000 projects, for a folder an editor changes far less often than content.
/// The theme and its problems depend on nothing else, so they are the ones a new load gives.
final class CompiledLayouts: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (stamps: FolderStamps, languages: [String], theme: Theme?, diagnostics: [Diagnostic])?
    private let settlingSeconds: Double

    /// `settlingSeconds`: how long ago the files must have been written to be trusted (`FileStamp`).
    init(settlingSeconds: Double = FileStamp.settlingSeconds) {
        self.settlingSeconds = settlingSeconds
    }

    /// `Theme.load`'s result for the folder as it is now.
    func load(from folder: URL, languages: [String]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        // Stamped before compiling: a save meanwhile gives other stamps the next time.
        let stamps = FolderStamps(folder)
        if let kept = lock.withLock({ kept }), kept.stamps == stamps, kept.languages == languages {
            return (kept.theme, kept.diagnostics)
        }
        let loaded = Theme.load(from: folder, languages: languages)
        // A file saved a moment ago could change again without its stamp showing it.
        lock.withLock { kept = stamps.isSettled(after: settlingSeconds) ? (stamps, languages, loaded.theme, loaded.diagnostics) : nil }
        return loaded
    }
}
