import CLibXML2
import Foundation

/// The check stage: reads every page written with libxml2's HTML parser and proves that each
/// relative `href`/`src` names an existing file (not a folder), each `#anchor` exists in its
/// target, and nothing is loaded from another host.
public enum LinkChecker {
    public struct Problem: Sendable, Hashable {
        /// The page, from the output root.
        public var page: String
        public var reference: String
        public var message: String
    }

    struct PageLinks: Sendable {
        var ids: Set<String>
        /// (attribute value, whether it loads a resource rather than navigating)
        var references: [(value: String, isResource: Bool)]
    }

    public static func check(folder: URL) -> [Problem] {
        let files = allFiles(in: folder)
        let pages = files.filter { $0.hasSuffix(".html") }
        let parsed = pages.concurrentMap { page -> PageLinks in
            scan(folder.appendingPathComponent(page))
        }
        var idsByPage: [String: Set<String>] = [:]
        for (page, links) in zip(pages, parsed) { idsByPage[page] = links.ids }
        let existing = Set(files)

        var problems: [Problem] = []
        for (page, links) in zip(pages, parsed) {
            for (value, isResource) in links.references {
                if let problem = problem(with: value, isResource: isResource, on: page, files: existing, ids: idsByPage) {
                    problems.append(Problem(page: page, reference: value, message: problem))
                }
            }
        }
        return problems
    }

    private static func problem(with value: String, isResource: Bool, on page: String,
                                files: Set<String>, ids: [String: Set<String>]) -> String? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//") {
            return isResource ? "loads '\(value)' from another host; the site must work offline" : nil
        }
        if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { return nil }
        if lowered.hasPrefix("data:") { return isResource ? nil : "links to a data: URL" }
        if lowered.contains(":") && !lowered.hasPrefix("#") && lowered.split(separator: "/").first?.contains(":") == true {
            return "uses an unsupported link scheme in '\(value)'"
        }
        let (pathPart, anchor) = split(value)
        var target = page
        if !pathPart.isEmpty {
            if pathPart.hasPrefix("/") { return "'\(value)' is absolute; it breaks under a sub-path and on file://" }
            let decoded = pathPart.removingPercentEncoding ?? pathPart
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
            let decoded = anchor.removingPercentEncoding ?? anchor
            if !targetIDs.contains(decoded) { return "'\(value)': no element with id '\(decoded)' in \(target)" }
        }
        return nil
    }

    private static func split(_ value: String) -> (String, String?) {
        let withoutQuery = value.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? value
        guard let hash = value.firstIndex(of: "#") else { return (withoutQuery, nil) }
        return (String(value[..<hash]).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "",
                String(value[value.index(after: hash)...]))
    }

    static func scan(_ url: URL) -> PageLinks {
        LibXML.initialise()
        var links = PageLinks(ids: [], references: [])
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let doc = htmlReadFile(url.path, "UTF-8", options) else { return links }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return links }
        let visit: (xmlNodePtr) -> Void = { element in
            if let id = LibXML.attribute("id", of: element) { links.ids.insert(id) }
            if let name = LibXML.attribute("name", of: element), LibXML.name(of: element) == "a" { links.ids.insert(name) }
            switch LibXML.name(of: element) {
            case "a", "area":
                if let href = LibXML.attribute("href", of: element) { links.references.append((href, false)) }
            case "link":
                if let href = LibXML.attribute("href", of: element) {
                    let rel = LibXML.attribute("rel", of: element)?.lowercased() ?? ""
                    // canonical and alternate point at the public site on purpose; they load nothing.
                    if rel.contains("canonical") { break }
                    links.references.append((href, !rel.contains("alternate")))
                }
            case "script", "img", "iframe", "source", "audio", "video", "embed", "track", "input":
                if let src = LibXML.attribute("src", of: element) { links.references.append((src, true)) }
            case "object":
                if let data = LibXML.attribute("data", of: element) { links.references.append((data, true)) }
            default: break
            }
        }
        visit(root)
        LibXML.forEachElement(below: root, visit)
        return links
    }

    static func allFiles(in folder: URL) -> [String] {
        var result: [String] = []
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
