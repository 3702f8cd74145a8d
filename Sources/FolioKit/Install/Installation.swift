import Foundation

/// Where Folio's own files are: the default `Layouts/` and the `Starter/` of a new programme. In
/// the release tarball they sit beside the `folio` executable; in the source tree, at the top of
/// the repository, a few folders above `.build/…/folio`. `FOLIO_HOME` names the folder
/// explicitly (a packager who puts the executable elsewhere).
public struct Installation: Sendable {
    public let root: URL

    public var layouts: URL { root.appendingPathComponent("Layouts") }
    public var starter: URL { root.appendingPathComponent("Starter") }

    public init(root: URL) { self.root = root }

    public enum Problem: Error, CustomStringConvertible {
        case notFound(searched: [String])
        case badHome(String)

        public var description: String {
            switch self {
            case .notFound(let searched):
                "cannot find Folio's Layouts/ and Starter/ folders (looked in \(searched.joined(separator: ", "))); set FOLIO_HOME to the folder that holds them"
            case .badHome(let path):
                "FOLIO_HOME is '\(path)', which does not hold Folio's Layouts/ and Starter/ folders"
            }
        }
    }

    /// `FOLIO_HOME` first, else the executable's own folder and up to four folders above it.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) -> Result<Installation, Problem> {
        if let home = environment["FOLIO_HOME"], !home.isEmpty {
            let candidate = Installation(root: URL(fileURLWithPath: home))
            return candidate.isComplete ? .success(candidate) : .failure(.badHome(home))
        }
        var searched: [String] = []
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            guard let current = folder else { break }
            let candidate = Installation(root: current)
            if candidate.isComplete { return .success(candidate) }
            searched.append(current.path)
            if current.path == "/" { break }
            folder = current.deletingLastPathComponent()
        }
        return .failure(.notFound(searched: searched))
    }

    /// Both folders with the one file each cannot do without.
    var isComplete: Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: layouts.appendingPathComponent("strings.yaml").path)
            && fm.fileExists(atPath: starter.appendingPathComponent("Content/site.yaml").path)
    }
}
