import Foundation

/// The whole build, stage by stage: load → validate → render → write → check. Each stage is a
/// function from the previous stage's result; file I/O happens only in load and write.
public enum Pipeline {
    public struct CheckResult: Sendable {
        public var content: SiteContent?
        /// Sorted, with paths relative to the current directory.
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates a content folder; writes nothing.
    public static func check(contentFolder: URL) -> CheckResult {
        let loaded = ContentLoader.load(from: contentFolder)
        var diagnostics = loaded.diagnostics
        if let content = loaded.content { diagnostics += ContentValidator.validate(content) }
        let paths = DisplayPaths(contentFolder: contentFolder)
        return CheckResult(content: loaded.content, diagnostics: paths.apply(to: diagnostics).sorted())
    }
}
