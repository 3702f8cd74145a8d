import Foundation

/// What a link or image destination written in content points at, resolved against the file it
/// was written in. Validation checks these targets exist; rendering maps them to output files.
public enum ContentLink: Equatable, Sendable {
    /// Another site or a mail address: left as written.
    case external(String)
    /// `#anchor` within the same file.
    case sameFile(anchor: String)
    /// A file or folder of the content tree: `projects/agri-sat.md`, `projects/`, `media/team.jpg`.
    case content(path: String, anchor: String?)
    /// `..` past the content folder, or a path starting with `/`.
    case outside(String)
    /// A scheme Folio does not publish (`javascript:`, `file:`, `data:`).
    case unsupported(scheme: String)

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Resolves `destination` as written in the content file at `sourcePath` (`projects/a.md`).
    public static func resolve(_ destination: String, from sourcePath: String) -> ContentLink {
        if let scheme = scheme(of: destination) {
            return allowedSchemes.contains(scheme) ? .external(destination) : .unsupported(scheme: scheme)
        }
        if destination.hasPrefix("//") { return .external(destination) }
        let (pathPart, anchor) = split(destination)
        if pathPart.isEmpty { return .sameFile(anchor: anchor ?? "") }
        if pathPart.hasPrefix("/") { return .outside(destination) }

        // NFC, as media names are at load: the path then names the published file byte for byte.
        // Foundation's percent decoding is slow, and most paths have nothing to decode.
        let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? (pathPart.removingPercentEncoding ?? pathPart).nfc : pathPart.nfc
        // Split on their bytes where they are ASCII (nearly always): every link of every body,
        // in every output, is resolved here.
        var components = Self.parts(of: sourcePath).dropLast()
        for part in Self.parts(of: decoded) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return .outside(destination) }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        var path = components.joined(separator: "/")
        if decoded.hasSuffix("/") || decoded == "." || decoded == ".." { path += path.isEmpty ? "" : "/" }
        return .content(path: path, anchor: anchor)
    }

    private static func scheme(of destination: String) -> String? {
        guard destination.utf8.contains(UInt8(ascii: ":")), let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased()
    }

    private static func split(_ destination: String) -> (path: String, anchor: String?) {
        guard destination.utf8.contains(UInt8(ascii: "#")), let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// The non-empty parts of a path between its slashes.
    private static func parts(of path: String) -> [String] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").map(String.init) }
        return path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
    }
}
