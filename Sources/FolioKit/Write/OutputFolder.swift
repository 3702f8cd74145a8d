import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build next to the output folder and swaps it in only when the whole build succeeded,
/// so that a failed build never leaves a half-written site; refuses outputs whose replacement
/// would destroy anything an editor wrote.
public struct OutputFolder: Sendable {
    public let target: URL
    /// The file an output written by earlier versions of Folio holds: such a folder may still be
    /// replaced. Folio no longer writes it (it was published with the site); which folder Folio
    /// wrote is recorded in the cache folder instead (`OutputIdentity`).
    static let legacyMarker = ".folio-output"
    /// Where the identity of the folder last put in place is recorded.
    var identityRecord: URL { CacheFolder(output: target).file("output-identity") }

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
        if let kind = nonFolderKind() {
            return .unsafe("'\(target.path)' is \(kind), not a folder: the output folder is replaced as a whole; choose another --output")
        }
        let fm = FileManager.default
        for sign in [".git", "Package.swift"] where fm.fileExists(atPath: target.appendingPathComponent(sign).path) {
            return .unsafe("'\(target.path)' holds \(sign): it looks like a repository, not an output folder")
        }
        if let entries = try? fm.contentsOfDirectory(atPath: target.path), !entries.isEmpty,
           !entries.contains(Self.legacyMarker),
           OutputIdentity(of: target).map({ $0 != OutputIdentity.recorded(in: identityRecord) }) ?? true {
            return .unsafe("'\(target.path)' exists and was not written by Folio (or not by the last build recorded in '\(identityRecord.deletingLastPathComponent().path)'); remove it or choose another --output")
        }
        return nil
    }

    /// What the target is when it exists but is not a folder (or a link to one): replacing it
    /// would destroy it.
    private func nonFolderKind() -> String? {
        var status = stat()
        guard lstat(target.path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return nil
        case S_IFLNK:
            var resolved = stat()
            guard stat(target.path, &resolved) == 0 else { return "a broken symbolic link" }
            return (resolved.st_mode & S_IFMT) == S_IFDIR ? nil : "a symbolic link to a file"
        case S_IFREG:
            return "a file"
        case S_IFIFO:
            return "a named pipe"
        default:
            return "a special file"
        }
    }

    /// A fresh folder beside the target for this build's files.
    public func makeStaging() throws -> URL {
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// Writes one file into `folder`, whose subfolders exist. A file whose bytes equal the
    /// previous build's is hard-linked from it instead, as Hugo leaves unchanged files alone: on
    /// most file systems making a new file costs far more than comparing its bytes. New files are
    /// plain `write(2)` without `fsync` (Foundation's `Data.write` syncs each one): the folder is
    /// swapped in whole.
    static func write(_ file: OutputFile, into folder: URL, reusingFrom previous: URL?) throws {
        let path = folder.appendingPathComponent(file.path).path
        if let previous = previous?.appendingPathComponent(file.path).path,
           hasContents(file.data, at: previous), link(previous, path) == 0 {
            return
        }
        guard writeFile(file.data, to: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
        }
    }

    /// Compares in chunks read into one small buffer, so a rebuild does not allocate a copy of
    /// every previous page.
    private static func hasContents(_ data: Data, at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count else { return false }
        let chunk = 65_536
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        return data.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let count = read(descriptor, buffer, min(chunk, expected.count - offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0, memcmp(buffer, expected.baseAddress! + offset, count) == 0 else { return false }
                offset += count
            }
            return true
        }
    }

    private static func writeFile(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
    }

    /// The files copied as they are: the layouts' assets under `assets/` and the media the
    /// load stage listed (`MediaFolder`) other than raster images, under their NFC names. Both lists come from `FileTree`,
    /// so nothing hidden and no link out of its folder is copied; a file that cannot be read is
    /// an error at it, never left out without a word.
    static func copies(assets: URL, media: [MediaFile]) -> (files: [OutputFile], problems: [Diagnostic]) {
        let listing = FileTree.listing(of: assets, rootName: "the layouts' assets folder", prefix: "assets/")
        var problems = listing.problems.map { Diagnostic.error(at: SourceLocation(file: assets.deletingLastPathComponent().appendingPathComponent($0.path).path), "this asset \($0.reason)") }
        let sources = listing.files.map { (path: $0.path, url: $0.url, shownAs: $0.url.path) }
            // Raster originals are published only as the image stage's copies, without their metadata.
            + media.filter { $0.kind != .raster }.map { (path: $0.path, url: $0.source, shownAs: $0.path) }
        var files: [OutputFile] = []
        for source in sources {
            guard let data = PlainFile.bytes(at: source.url) else {
                problems.append(.error(at: SourceLocation(file: source.shownAs), "cannot read '\(source.shownAs)' to copy it"))
                continue
            }
            files.append(OutputFile(path: source.path, data: data))
        }
        return (files, problems)
    }

    /// Puts the staging folder in the target's place; the old output is removed only after.
    /// The staging folder's identity is recorded first: a rename keeps it, and a record of a
    /// folder that never got in place matches nothing.
    public func commit(_ staging: URL) throws {
        let fm = FileManager.default
        try OutputIdentity(of: staging)?.record(in: identityRecord)
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
