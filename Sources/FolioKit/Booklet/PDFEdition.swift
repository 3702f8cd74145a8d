import Foundation

/// The booklet's PDF edition: the template from `Layouts/booklet.typ`, the data from
/// `PDFSource`, the charts, cover and media it shows, laid out in a build folder beside the
/// output (in the cache folder, never in the output) and typeset there by Typst.
struct PDFEdition {
    static let template = "booklet.typ"

    let site: SiteRenderer
    let date: BuildDate
    /// The layouts folder: `booklet.typ`, any other `*.typ` it includes, and `assets/`.
    let layouts: URL
    /// Where the source is laid out and typeset; kept after a failure for the report.
    let folder: URL
    var engine = TypstEngine()

    struct Typeset {
        var file: OutputFile
        var pages: Int
        /// Typst's warnings, at the template lines they name: a designer's to read.
        var warnings: [Diagnostic]
    }

    func render() -> Result<Typeset, Diagnostic> {
        let output = folder.appendingPathComponent("booklet.pdf")
        switch attempt(.all) {
        case .typeset(let pages, let warnings):
            guard let data = FileManager.default.contents(atPath: output.path) else {
                return .failure(defect("Typst wrote no PDF", diagnostic: ""))
            }
            let notes = warnings.map { warning in
                Diagnostic.warning(at: templateLocation(in: warning), "the PDF's typesetter warns: "
                                   + (warning.split(separator: "\n").first.map { $0.replacingOccurrences(of: "warning: ", with: "") } ?? warning))
            }
            return .success(Typeset(file: OutputFile(path: site.language.folder + SitePaths.pdf(for: site.content.config), data: data), pages: pages, warnings: notes))
        case .missing(let reason):
            return .failure(.error(at: SourceLocation(file: "site.yaml"),
                                   "the booklet's PDF edition needs Typst: \(reason). Install it with '\(TypstEngine.installHint)', "
                                   + "or turn the PDF off with 'pdf: false' under 'booklet:' in site.yaml"))
        case .failed(let message, let diagnostic):
            let locator = PDFProblemLocator(units: PDFSource.units(of: site)) { attempt($0) }
            if let place = locator.locate() {
                return .failure(.error(at: place, "the PDF edition cannot typeset this part of the booklet: \(message)"))
            }
            // The content alone typesets: the problem is the template's or Folio's. The whole
            // source is laid out again (the search left only a part of it) for the report.
            try? layOut(PDFSource(site: site, created: date))
            return .failure(defect(message, diagnostic: diagnostic))
        }
    }

    /// Lays out the source for `selection` and typesets it.
    private func attempt(_ selection: PDFSource.Selection) -> TypstEngine.Outcome {
        do {
            try layOut(PDFSource(site: site, created: date, selection: selection))
        } catch {
            return .failed(message: "cannot write the typesetter's source in \(folder.path): \(error.localizedDescription)", diagnostic: "")
        }
        return engine.compile(folder: folder, main: Self.template, output: folder.appendingPathComponent("booklet.pdf"))
    }

    private func layOut(_ source: PDFSource) throws {
        let files = FileManager.default
        try? files.removeItem(at: folder)
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ContentFolder.sortedEntries(of: layouts) where name.hasSuffix(".typ") {
            try files.copyItem(at: layouts.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let assets = layouts.appendingPathComponent("assets")
        if files.fileExists(atPath: assets.path) { try files.copyItem(at: assets, to: folder.appendingPathComponent("assets")) }
        try Data(source.data.json.utf8).write(to: folder.appendingPathComponent(PDFSource.dataFile))
        for (path, text) in source.generated { try write(Data(text.utf8), to: path) }
        // A raster original is never put in the PDF, which may be shared far and wide: only its
        // booklet copy, upright, page-sized and without metadata (no GPS position). Other media
        // are read where the loader found them (a name in NFD on disk is published in NFC).
        let onDisk = Dictionary(site.content.media.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for path in source.media {
            let original = onDisk[path].flatMap { $0.kind == .raster ? nil : $0.source }
            guard let from = site.images.bookletCopy(for: path)?.file ?? original else { continue }
            let to = folder.appendingPathComponent(PDFBody.shownPath(path, images: site.images))
            try files.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            // A hard link costs nothing; a copy where the cache sits on another disk.
            if (try? files.linkItem(at: from, to: to)) == nil { try files.copyItem(at: from, to: to) }
        }
    }

    private func write(_ data: Data, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The layout file and line a Typst diagnostic names (`booklet.typ:12:3`), or the template itself.
    private func templateLocation(in diagnostic: String) -> SourceLocation {
        guard let match = diagnostic.firstMatch(of: /([A-Za-z0-9_.\/-]+\.typ):(\d+):(\d+)/) else {
            return SourceLocation(file: layouts.appendingPathComponent(Self.template).path)
        }
        return SourceLocation(file: layouts.appendingPathComponent((String(match.1) as NSString).lastPathComponent).path,
                              line: Int(match.2) ?? 1, column: Int(match.3) ?? 1)
    }

    /// A failure the content did not cause: reported at the template line Typst names, with the
    /// source kept for the report.
    private func defect(_ message: String, diagnostic: String) -> Diagnostic {
        .error(at: templateLocation(in: diagnostic), "the PDF edition could not be typeset: \(message). This is a defect of Folio or of the layout, "
                      + "not of the content: please report it with the typesetter's source, kept in \(folder.path)")
    }
}
