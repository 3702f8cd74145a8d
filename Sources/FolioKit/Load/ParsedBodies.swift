import Foundation

/// Markdown bodies as the previous build parsed them, kept in the cache folder beside the output
/// from one build to the next. Parsing a body (cmark-gfm, then libxml2's HTML parser to clean
/// what it writes) is most of a rebuild's load, and a body's parse depends only on its text, its
/// file and first line, and the Folio that parsed it: the key is a SHA-256 of those. A body whose
/// parse reported anything is never kept, so every problem is reported again. A cache file that
/// cannot be read is as good as none: its bodies are parsed again.
public final class ParsedBodies: @unchecked Sendable {
    public static let fileName = "parsed-bodies"
    private static let header = Data("folio parsed bodies 2\n".utf8)
    private let file: URL
    private var stored: Data
    /// Where each kept body's record stands in `stored`.
    private var ranges: [String: Range<Int>]
    private let lock = NSLock()
    /// The bodies of this build, for the next one: as read, or as parsed (encoded only when
    /// saved, so that a first build holds no second copy of its bodies).
    private var current: [String: Record] = [:]
    private enum Record {
        case kept(Data)
        case parsed(MarkdownDocument)
    }
    private var reusedCount = 0

    /// How many bodies this build took from the cache.
    var reused: Int { lock.withLock { reusedCount } }

    public init(file: URL) {
        self.file = file
        // Mapped, not read: its pages go back to the system as soon as the records are let go.
        let data = PlainFile.isRegular(file) ? (try? Data(contentsOf: file, options: .alwaysMapped)) ?? Data() : Data()
        stored = data
        ranges = data.starts(with: Self.header) ? Self.index(data, from: Self.header.count) : [:]
    }

    /// The body of `text`, from the cache when the previous build parsed the same, else parsed
    /// (`MarkdownParser.parse`, which reports into `log`).
    func parse(_ text: String, file: String, firstLine: Int, log: DiagnosticLog) -> MarkdownDocument {
        let key = SHA256.hex(Data("\(FolioVersion.description)\n\(file)\n\(firstLine)\n\(text)".utf8))
        if let record = lock.withLock({ ranges[key].map { stored[$0] } }) {
            var reader = ByteReader(record)
            if let document = MarkdownDocumentRecord.read(from: &reader), reader.isAtEnd {
                lock.withLock {
                    current[key] = .kept(record)
                    reusedCount += 1
                }
                return document
            }
        }
        let reported = log.diagnostics.count
        let document = MarkdownParser.parse(text, file: file, firstLine: firstLine, log: log)
        if log.diagnostics.count == reported { lock.withLock { current[key] = .parsed(document) } }
        return document
    }

    /// Writes this build's bodies for the next build (only these: the file never grows with
    /// bodies no longer in the content), then lets the records go: the rest of the build does
    /// not carry them.
    public func save() throws {
        let records = lock.withLock {
            defer {
                current = [:]
                stored = Data()
                ranges = [:]
            }
            return current
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written in runs of about a megabyte to a file beside, then put in place.
        let partial = file.appendingPathExtension("partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: Self.header) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: partial)
        defer { try? handle.close() }
        try handle.seekToEnd()
        var writer = ByteWriter()
        for (key, record) in records.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            switch record {
            case .kept(let data):
                writer.data(data)
            case .parsed(let document):
                var body = ByteWriter()
                MarkdownDocumentRecord.write(document, to: &body)
                writer.data(Data(body.bytes))
            }
            if writer.bytes.count > 1 << 20 {
                try handle.write(contentsOf: writer.bytes)
                writer = ByteWriter()
            }
        }
        try handle.write(contentsOf: writer.bytes)
        try handle.close()
        guard rename(partial.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    private static func index(_ data: Data, from start: Int) -> [String: Range<Int>] {
        var ranges: [String: Range<Int>] = [:]
        var reader = ByteReader(data[start...])
        while !reader.isAtEnd {
            guard let key = reader.string(), let range = reader.dataRange() else { return [:] }
            ranges[key] = range
        }
        return ranges
    }
}
