import Foundation

/// Markdown bodies as the previous build parsed them, kept in the cache folder beside the output
/// from one build to the next. Parsing a body (cmark-gfm, then libxml2's HTML parser to clean
/// what it writes) is most of a rebuild's load, and a body's parse depends only on its text, its
/// file and first line, and the Folio that parsed it: the key is a SHA-256 of those. A body whose
/// parse reported anything is never kept, so every problem is reported again. A cache file that
/// cannot be read is as good as none: its bodies are parsed again.
public final class ParsedBodies: @unchecked Sendable {
    public static let fileName = "parsed-bodies"
    private static let header = Data("folio parsed bodies 1\n".utf8)
    private let file: URL
    private let stored: Data
    /// Where each kept body's record stands in `stored`.
    private let ranges: [String: Range<Int>]
    private let lock = NSLock()
    /// The bodies of this build, for the next one.
    private var current: [String: Data] = [:]
    private var reusedCount = 0

    /// How many bodies this build took from the cache.
    var reused: Int { lock.withLock { reusedCount } }

    public init(file: URL) {
        self.file = file
        let data = PlainFile.bytes(at: file) ?? Data()
        stored = data
        ranges = data.starts(with: Self.header) ? Self.index(data, from: Self.header.count) : [:]
    }

    /// The body of `text`, from the cache when the previous build parsed the same, else parsed
    /// (`MarkdownParser.parse`, which reports into `log`).
    func parse(_ text: String, file: String, firstLine: Int, log: DiagnosticLog) -> MarkdownDocument {
        let key = LibVips.sha256(Data("\(FolioVersion.description)\n\(file)\n\(firstLine)\n\(text)".utf8))
        if let range = ranges[key] {
            let record = stored[range]
            var reader = ByteReader(record)
            if let document = MarkdownDocumentRecord.read(from: &reader), reader.isAtEnd {
                lock.withLock {
                    current[key] = record
                    reusedCount += 1
                }
                return document
            }
        }
        let reported = log.diagnostics.count
        let document = MarkdownParser.parse(text, file: file, firstLine: firstLine, log: log)
        if log.diagnostics.count == reported {
            var writer = ByteWriter()
            MarkdownDocumentRecord.write(document, to: &writer)
            lock.withLock { current[key] = Data(writer.bytes) }
        }
        return document
    }

    /// Writes this build's bodies for the next build (only these: the file never grows with
    /// bodies no longer in the content).
    public func save() throws {
        var writer = ByteWriter()
        for (key, record) in lock.withLock({ current }).sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.data(record)
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (Self.header + Data(writer.bytes)).write(to: file, options: .atomic)
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
