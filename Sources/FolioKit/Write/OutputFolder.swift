import Foundation

/// Writes a build next to the output folder and swaps it in only when the whole build succeeded,
/// so that a failed build never leaves a half-written site; refuses outputs whose replacement
/// would destroy anything an editor wrote.
public struct OutputFolder: Sendable {
    public let target: URL
    /// A file every Folio output holds, so that an existing folder without it is never replaced.
    static let marker = ".folio-output"

    public enum Refusal: Error, CustomStringConvertible {
        case unsafe(String)
        public var description: String { switch self { case .unsafe(let why): why } }
    }

    public init(_ target: URL) { self.target = target.standardizedFileURL }

    /// Why replacing `target` would be unsafe, or nil.
    public func refusal(content: URL, layouts: URL) -> Refusal? {
        let output = target.resolvingSymlinksInPath().path
        let protected = [("content", content), ("layouts", layouts)].map { ($0.0, $0.1.standardizedFileURL.resolvingSymlinksInPath().path) }
        if output == "/" || output == FileManager.default.homeDirectoryForCurrentUser.path {
            return .unsafe("refusing to write the output into '\(output)'")
        }
        for (name, path) in protected {
            if output == path || path.hasPrefix(output + "/") || output.hasPrefix(path + "/") {
                return .unsafe("the output folder '\(target.path)' would overlap the \(name) folder '\(path)'")
            }
        }
        let fm = FileManager.default
        for sign in [".git", "Package.swift"] where fm.fileExists(atPath: target.appendingPathComponent(sign).path) {
            return .unsafe("'\(target.path)' holds \(sign): it looks like a repository, not an output folder")
        }
        if let entries = try? fm.contentsOfDirectory(atPath: target.path), !entries.isEmpty,
           !entries.contains(Self.marker) {
            return .unsafe("'\(target.path)' exists and was not written by Folio; remove it or choose another --output")
        }
        return nil
    }

    /// A fresh folder beside the target for this build's files.
    public func makeStaging() throws -> URL {
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data().write(to: staging.appendingPathComponent(Self.marker))
        return staging
    }

    public static func write(_ files: [OutputFile], into folder: URL) throws {
        let fm = FileManager.default
        var made: Set<String> = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            let parent = url.deletingLastPathComponent().path
            if made.insert(parent).inserted { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            try file.data.write(to: url)
        }
    }

    /// Copies a folder's files (assets, media) as they are.
    public static func copyTree(from source: URL, to destination: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: source.path) else { return }
        try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: destination.path) {
            for name in ContentFolder.sortedEntries(of: source) {
                try copyTree(from: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        } else {
            try fm.copyItem(at: source, to: destination)
        }
    }

    /// Puts the staging folder in the target's place; the old output is removed only after.
    public func commit(_ staging: URL) throws {
        let fm = FileManager.default
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: old)
        if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: old) }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: target) }
            throw error
        }
        try? fm.removeItem(at: old)
    }

    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}
