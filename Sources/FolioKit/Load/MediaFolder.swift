import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one listing of `media/`: what the link rules check against, the write stage copies, the
/// booklet packs and image processing reads. Built on `FileTree`, so nothing hidden and no link
/// out of the content folder is ever in it; names are normalised to NFC here, once.
enum MediaFolder {
    struct Listing: Sendable {
        var files: [MediaFile] = []
        /// Files that exist but cannot be published, each with why.
        var refused: [MediaFile.Refusal] = []
        /// Problems inside a file (an SVG that holds a script), at its line.
        var diagnostics: [Diagnostic] = []
    }

    /// The largest file of `media/`: every file is read whole to be copied.
    static let byteLimit = 100_000_000

    /// The largest SVG read to check it; its text is parsed in full.
    static let svgByteLimit = 5_000_000

    /// Types a browser runs code in when a reader opens the file: published from `media/`, they
    /// would run with the site's own address.
    static let activeExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "svgz", "js", "mjs"]

    static func read(contentFolder root: URL) -> Listing {
        let tree = FileTree.listing(of: root.appendingPathComponent("media"), within: root, prefix: "media/")
        var listing = Listing()
        listing.refused = tree.problems.map { MediaFile.Refusal(path: $0.path.nfc, reason: $0.reason) }
        var published: [String: String] = [:]
        for file in tree.files {
            let media = MediaFile(path: file.path.nfc, source: file.url)
            // Canonically equal names (café in NFC and in NFD) would be one published file.
            if let first = published[media.path] {
                listing.refused.append(.init(path: file.path, reason: "has the same name as '\(first)' once accents are written one way (Unicode NFC); rename one of them"))
                continue
            }
            if let reason = refusal(of: media) {
                listing.refused.append(.init(path: media.path, reason: reason))
                continue
            }
            published[media.path] = media.path
            var listed = media
            if media.kind == .svg {
                switch readSVG(media) {
                case .failure(let problem):
                    listing.diagnostics.append(.error(at: SourceLocation(file: media.path, line: problem.line), "this SVG \(problem.message); remove it, or convert the file to PNG"))
                case .success(let size):
                    listed.drawingSize = size
                }
            }
            listing.files.append(listed)
        }
        listing.refused.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return listing
    }

    /// Why `media` cannot be published, or nil. It is opened without blocking (FileTree already
    /// refused FIFOs; this covers one put there since) and closed at once.
    private static func refusal(of media: MediaFile) -> String? {
        let type = (media.path as NSString).pathExtension.lowercased()
        if activeExtensions.contains(type) {
            return "is a .\(type) file, which runs code when a reader opens it; Folio publishes none from media/"
        }
        let descriptor = open(media.source.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot be read (\(String(cString: strerror(errno))))" }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > byteLimit {
            return "is \(Int(status.st_size) / 1_000_000) MB; a file of media/ may be at most \(byteLimit / 1_000_000) MB"
        }
        return nil
    }

    /// An SVG read once: refused as `SVGRules` says, or published with the size it asks for.
    private static func readSVG(_ media: MediaFile) -> Result<MediaFile.DrawingSize?, SVGProblem> {
        guard let data = PlainFile.bytes(at: media.source, limit: svgByteLimit) else {
            return .failure(SVGProblem(line: 1, message: "is larger than \(svgByteLimit / 1_000_000) MB or cannot be read"))
        }
        if let problem = SVGRules.problem(in: data) { return .failure(SVGProblem(line: problem.line, message: problem.message)) }
        return .success(SVGSize.of(data).map { MediaFile.DrawingSize(width: $0.width, height: $0.height) })
    }

    private struct SVGProblem: Error {
        var line: Int
        var message: String
    }
}
