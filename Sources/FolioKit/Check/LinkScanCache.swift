import Foundation

/// What each page's link scan found, by a digest of the page's bytes, kept in the cache folder
/// beside the output (never in it: it is not published) from one build to the next. A page whose bytes are unchanged has the same ids and references,
/// so a rebuild scans only the pages that changed; the links themselves are still resolved
/// against the whole new site every time. Keyed by content, not by path, so a stale or foreign
/// entry can never be used for a page it does not describe.
struct LinkScanCache: Sendable {
    static let fileName = "link-scans"
    private static let header = "folio link scans 3"
    private var entries: [Digest: PageLinks] = [:]

    struct Digest: Hashable, Sendable {
        var size: Int
        var fnv: UInt64

        init(size: Int, fnv: UInt64) {
            self.size = size
            self.fnv = fnv
        }

        /// FNV-1a over 64-bit words: stable across runs, unlike `Hasher`, and
        /// about as fast as reading the page.
        init(_ data: Data) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let prime: UInt64 = 0x100_0000_01b3
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 8 <= bytes.count {
                    hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                    offset += 8
                }
                while offset < bytes.count {
                    hash = (hash ^ UInt64(bytes[offset])) &* prime
                    offset += 1
                }
            }
            size = data.count
            fnv = hash
        }
    }

    init() {}

    /// The cache a previous build left in `file`; empty when there is none or it is unreadable.
    init(readingFrom file: URL) {
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        let header = Data((Self.header + "\n").utf8)
        guard data.starts(with: header) else { return }
        // Pages are independent of each other: the file is read in runs of whole pages on all cores.
        let runs = data.withUnsafeBytes { Self.runs(of: $0, from: header.count, count: 8) }
        let read = runs.concurrentMap { run in data.withUnsafeBytes { Self.entries(in: UnsafeRawBufferPointer(rebasing: $0[run])) } }
        guard !read.contains(where: { $0 == nil }) else { return }
        for run in read { entries.merge(run!) { first, _ in first } }
    }

    /// Ranges of `bytes` after `start`, each beginning at a page's `P` line.
    private static func runs(of bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> [Range<Int>] {
        var bounds = [start]
        let pageLine: [UInt8] = Array("\nP ".utf8)
        for part in 1..<count {
            let from = max(bounds.last!, start + (bytes.count - start) * part / count)
            guard let found = pageLine.withUnsafeBytes({ ByteSearch.firstOffset(of: $0, in: bytes, from: from) }) else { break }
            if found + 1 > bounds.last! { bounds.append(found + 1) }
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// The pages of one run of lines; nil when a line is not one this file ever holds.
    private static func entries(in bytes: UnsafeRawBufferPointer) -> [Digest: PageLinks]? {
        var entries: [Digest: PageLinks] = [:]
        var current: (Digest, PageLinks)?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = memchr(bytes.baseAddress! + lineStart, 10, bytes.count - lineStart)
                .map { bytes.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let kind = bytes[lineStart]
            let rest = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[min(lineStart + 2, lineEnd)..<lineEnd]), as: UTF8.self)
            switch kind {
            case UInt8(ascii: "P"):
                if let current { entries[current.0] = current.1 }
                let fields = rest.split(separator: " ")
                guard fields.count == 2, let size = Int(fields[0]), let fnv = UInt64(fields[1], radix: 16) else { return nil }
                current = (Digest(size: size, fnv: fnv), PageLinks())
            case UInt8(ascii: "I"):
                current?.1.ids.insert(unescaped(rest))
            case UInt8(ascii: "D"):
                current?.1.repeatedIDs.append(unescaped(rest))
            case UInt8(ascii: "R"), UInt8(ascii: "L"):
                current?.1.references.append((unescaped(rest), kind == UInt8(ascii: "L")))
            default:
                return nil
            }
        }
        if let current { entries[current.0] = current.1 }
        return entries
    }

    func links(for digest: Digest) -> PageLinks? { entries[digest] }

    /// The file for the next build: one `P` line per page, then its ids (`I`), ids given twice
    /// (`D`), navigation references (`R`) and resources it loads (`L`), newlines and backslashes escaped.
    static func serialised(_ pages: [(digest: Digest, links: PageLinks)]) -> Data {
        var text = header + "\n"
        for (digest, links) in pages {
            text += "P \(digest.size) \(String(digest.fnv, radix: 16))\n"
            for id in links.ids.sorted() { text += "I " + escaped(id) + "\n" }
            for id in links.repeatedIDs { text += "D " + escaped(id) + "\n" }
            for (value, isResource) in links.references { text += (isResource ? "L " : "R ") + escaped(value) + "\n" }
        }
        return Data(text.utf8)
    }

    private static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 10 || $0 == 13 }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescaped(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\\")) else { return value }
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
