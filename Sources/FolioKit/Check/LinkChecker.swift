import CLibXML2
import Foundation

/// The check stage: proves, from each page's links (known as it rendered, `RenderedLinks`, or read
/// with libxml2's HTML parser), that each relative `href`/`src` names an existing file (not a
/// folder), each `#anchor` exists in its target, and nothing is loaded from another host.
public enum LinkChecker {
    public struct Problem: Sendable, Hashable {
        /// The page, from the output root.
        public var page: String
        public var reference: String
        public var message: String
        /// Set when the problem is an id given to two elements of the page, not a reference.
        public var repeatedID: String?
    }

    /// Checks pages held in memory. `files` is every path of the output, pages included, from the
    /// output root. `sitePath` is the path the site is published under (`/sub/`), when known:
    /// the 404 page, served for missing paths at any depth, links from it (`/sub/assets/…`).
    public static func check(pages: [(path: String, html: Data)], files: Set<String>, sitePath: String? = nil) -> [Problem] {
        let parsed = pages.concurrentMap(largestFirst: \.html.count) { PageLinkScanner.scan($0.html) }
        return check(links: Array(zip(pages.map(\.path), parsed)), files: files, sitePath: sitePath)
    }

    /// Checks pages already scanned (the build scans each page as it is written).
    static func check(links pages: [(path: String, links: PageLinks)], files: Set<String>, sitePath: String? = nil) -> [Problem] {
        let idsByPage = Dictionary(pages.map { ($0.path, $0.links.ids) }) { first, _ in first }
        let files = ExactPaths(files)
        // Runs of neighbouring pages are checked on all cores; a verdict never depends on which
        // run its page fell in, so the problems come out the same as from one run.
        let runLength = max(64, pages.count / 16)
        let runs = stride(from: 0, to: pages.count, by: runLength).map { Array(pages[$0..<min($0 + runLength, pages.count)]) }
        return runs.concurrentMap { run in check(run, files: files, ids: idsByPage, sitePath: sitePath) }.flatMap { $0 }
    }

    private static func check(_ pages: [(path: String, links: PageLinks)], files: ExactPaths, ids: [String: Set<String>],
                              sitePath: String?) -> [Problem] {
        // Pages in one folder share their header, footer and cards: each distinct reference is
        // resolved once per folder (once per page for `#anchor` alone).
        struct Question: Hashable { var scope: String; var reference: String; var isResource: Bool }
        var verdicts: [Question: String?] = [:]
        var problems: [Problem] = []
        for (page, links) in pages {
            var reported: Set<String> = []
            for id in links.repeatedIDs where reported.insert(id).inserted {
                problems.append(Problem(page: page, reference: "#" + id, message: "the id '\(id)' is given to more than one element of the page",
                                        repeatedID: id))
            }
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            for (written, isResource) in links.references {
                // The 404 page's links from the site's path are checked as the links from the root they stand for.
                let value = page == SitePaths.notFound && sitePath.map(written.hasPrefix) == true ? String(written.dropFirst(sitePath!.count)) : written
                let key = Question(scope: value.hasPrefix("#") ? page : folder, reference: value, isResource: isResource)
                let verdict: String?
                if let known = verdicts[key] {
                    verdict = known
                } else {
                    verdict = problem(with: value, isResource: isResource, on: page, files: files, ids: ids)
                    verdicts[key] = verdict
                }
                if let verdict { problems.append(Problem(page: page, reference: written, message: verdict)) }
            }
        }
        return problems
    }

    /// Checks an output folder already written.
    public static func check(folder: URL, sitePath: String? = nil) -> [Problem] {
        let files = FileTree.files(in: folder)
        let pages = files.filter { $0.hasSuffix(".html") }.map { path in
            (path: path, html: FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data())
        }
        return check(pages: pages, files: Set(files), sitePath: sitePath)
    }

    private static func problem(with value: String, isResource: Bool, on page: String,
                                files: ExactPaths, ids: [String: Set<String>]) -> String? {
        // Only the part before the first "/" can hold a scheme; most references have none.
        let head = value.utf8.prefix { $0 != UInt8(ascii: "/") }
        if head.contains(UInt8(ascii: ":")) || value.hasPrefix("//") {
            let lowered = value.lowercased()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//") {
                return isResource ? "loads '\(value)' from another host; the site must work offline" : nil
            }
            if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { return nil }
            if lowered.hasPrefix("data:") { return isResource ? nil : "links to a data: URL" }
            if !lowered.hasPrefix("#") { return "uses an unsupported link scheme in '\(value)'" }
        }
        let (pathPart, anchor) = split(value)
        var target = page
        if !pathPart.isEmpty {
            if pathPart.hasPrefix("/") { return "'\(value)' is absolute; it breaks under a sub-path and on file://" }
            let decoded = Self.percentDecoded(pathPart)
            var components = page.split(separator: "/").dropLast().map(String.init)
            for part in decoded.split(separator: "/", omittingEmptySubsequences: false) {
                if part == "." || part.isEmpty { continue }
                if part == ".." {
                    if components.isEmpty { return "'\(value)' leads outside the site" }
                    components.removeLast()
                } else {
                    components.append(String(part))
                }
            }
            target = components.joined(separator: "/")
            if decoded.hasSuffix("/") || !files.contains(target) {
                return files.contains(target + "/index.html") || decoded.hasSuffix("/")
                    ? "'\(value)' names a folder; on file:// a link must name a file such as index.html"
                    : "'\(value)' does not exist"
            }
        }
        if let anchor, !anchor.isEmpty, let targetIDs = ids[target] {
            let decoded = Self.percentDecoded(anchor)
            if !targetIDs.contains(decoded) { return "'\(value)': no element with id '\(decoded)' in \(target)" }
        }
        return nil
    }

    /// The path without its query, and the fragment. Read on the UTF-8 bytes: `?` and `#` are
    /// single bytes, and this runs for every reference of every page.
    private static func split(_ value: String) -> (String, String?) {
        let bytes = value.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = bytes[..<(hash ?? bytes.endIndex)]
        let pathEnd = beforeHash.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex
        return (String(value[..<pathEnd]), hash.map { String(value[value.utf8.index(after: $0)...]) })
    }

    /// Foundation's percent decoding is slow, and most references have nothing to decode.
    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }
}

/// Output paths compared byte for byte: Swift's `==` finds `café` in NFC and in NFD equal, but a
/// browser asking for one does not get a file named the other.
private struct ExactPaths: Sendable {
    private let paths: Set<[UInt8]>

    init(_ paths: Set<String>) { self.paths = Set(paths.map { Array($0.utf8) }) }

    func contains(_ path: String) -> Bool { paths.contains(Array(path.utf8)) }
}
