import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place that lists files below a folder (content sections, media, layout assets, a
/// written output). Hidden entries (any name starting with '.') are never listed; a symbolic link
/// is followed only when it resolves to a visible place inside `within`; folder loops, links to
/// nothing, and anything that is not a plain file or folder (FIFO, socket, device) come back as
/// problems instead of files, and nothing is ever opened: a FIFO opened for reading would hang.
enum FileTree {
    /// A plain file found below the folder.
    struct File: Sendable, Hashable {
        /// From the listed folder, with '/' separators, as the bytes of the name on disk.
        var path: String
        /// Where to read it: the file itself, or the place its links lead.
        var url: URL
    }

    /// An entry that is not listed, and why.
    struct Problem: Sendable, Hashable {
        var path: String
        var reason: String
    }

    enum Kind: Equatable {
        case file, folder
        case problem(String)
    }

    struct Listing: Sendable {
        var files: [File] = []
        var problems: [Problem] = []
    }

    /// One folder's visible entries in byte order (so that no file system's directory order shows
    /// in the output), each classified as `kind(of:within:)` says.
    static func entries(of folder: URL, within root: URL, rootName: String = "the content folder") -> [(name: String, url: URL, kind: Kind)] {
        let rootPath = resolved(root) ?? root.standardizedFileURL.path
        return visibleNames(in: folder).map { name in
                let url = folder.appendingPathComponent(name)
                return (name, url, kind(of: url, rootPath: rootPath, rootName: rootName))
            }
    }

    /// The names in a folder that do not start with '.', in byte order.
    static func visibleNames(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every file below `folder`, recursively, sorted by path; links may lead anywhere visible
    /// inside `within` (by default the folder itself).
    /// `prefix` is put before every path (`media/`).
    static func listing(of folder: URL, within root: URL? = nil, rootName: String = "the content folder", prefix: String = "") -> Listing {
        var listing = Listing()
        var visited: [FolderIdentity: String] = [:]
        var linkedFolders: [(url: URL, prefix: String)] = [(folder, prefix)]
        var next = 0
        while next < linkedFolders.count {
            let (url, prefix) = linkedFolders[next]
            next += 1
            walk(url, prefix: prefix, root: root ?? folder, rootName: rootName, visited: &visited, linkedFolders: &linkedFolders, into: &listing)
        }
        listing.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return listing
    }

    /// The paths of every file below `folder`: what the check stage reads.
    static func files(in folder: URL) -> [String] {
        listing(of: folder).files.map(\.path)
    }

    private struct FolderIdentity: Hashable { var device: UInt64; var inode: UInt64 }

    /// Each folder is listed once: a link back to a folder that holds it would list forever, and
    /// links between folders could make a few folders stand for millions of paths without any
    /// loop. Real folders are listed first, under their own paths; folder links after them, so
    /// that a link to a folder already listed is the one refused.
    private static func walk(_ folder: URL, prefix: String, root: URL, rootName: String, visited: inout [FolderIdentity: String],
                             linkedFolders: inout [(url: URL, prefix: String)], into listing: inout Listing) {
        var status = stat()
        guard stat(folder.path, &status) == 0 else { return }
        let identity = FolderIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        let path = String(prefix.dropLast())
        if let first = visited[identity] {
            let reason = first.isEmpty || prefix.hasPrefix(first + "/")
                ? "is a link to a folder that contains it (a loop)"
                : "leads to the same folder as '\(first)' through a symbolic link; keep only one of the two"
            listing.problems.append(Problem(path: path, reason: reason))
            return
        }
        visited[identity] = path
        for entry in entries(of: folder, within: root, rootName: rootName) {
            let path = prefix + entry.name
            switch entry.kind {
            case .file: listing.files.append(File(path: path, url: entry.url))
            case .folder:
                var status = stat()
                if lstat(entry.url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
                    linkedFolders.append((entry.url, path + "/"))
                } else {
                    walk(entry.url, prefix: path + "/", root: root, rootName: rootName, visited: &visited, linkedFolders: &linkedFolders, into: &listing)
                }
            case .problem(let reason): listing.problems.append(Problem(path: path, reason: reason))
            }
        }
    }

    /// What an entry is, looked at with `lstat`/`stat` only.
    static func kind(of url: URL, rootPath: String, rootName: String) -> Kind {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return .problem("cannot be read (\(String(cString: strerror(errno))))") }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            guard stat(url.path, &status) == 0 else {
                return .problem(errno == ELOOP ? "is a symbolic link that leads back to itself (a loop)" : "is a symbolic link to nothing")
            }
            guard let target = resolved(url), target == rootPath || target.hasPrefix(rootPath + "/") else {
                return .problem("is a link to a file outside \(rootName)")
            }
            if target.dropFirst(rootPath.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                return .problem("is a link to a hidden file, which is never published")
            }
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: return .problem("is a FIFO (named pipe), not a file")
        case S_IFSOCK: return .problem("is a socket, not a file")
        case S_IFCHR, S_IFBLK: return .problem("is a device, not a file")
        default: return .problem("is not a plain file")
        }
    }

    /// The real path, every link resolved (nil when some part does not exist).
    static func resolved(_ url: URL) -> String? {
        guard let pointer = realpath(url.path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
