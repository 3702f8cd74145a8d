import Foundation

/// The whole build, stage by stage: load → validate → render → write into a staging folder →
/// check → swap it in. Each stage is a function of the previous stage's result; file I/O happens
/// only in load and write.
public enum Pipeline {
    public struct CheckResult: Sendable {
        public var content: SiteContent?
        /// Sorted, with paths relative to the current directory.
        public var diagnostics: [Diagnostic]
    }

    public struct BuildOptions: Sendable {
        public var content: URL
        public var layouts: URL
        public var output: URL
        /// `SOURCE_DATE_EPOCH`, when set: the date stamped into feed and EPUB.
        public var sourceDateEpoch: String?
        /// How long to wait, in seconds, for another build into the same output to finish.
        public var lockWait: Double
        /// Also write the whole site as a ZIP beside the output (`SiteArchive`).
        public var archive: Bool
        /// Whether to typeset the PDF edition (when site.yaml does not turn it off); `folio serve`
        /// leaves it out unless asked, since it takes far longer than the rest of a build.
        public var pdf: Bool
        /// Files parsed by an earlier build of the same content (`folio serve`), reused when unchanged.
        public var loadCache: LoadCache?

        public init(content: URL, layouts: URL, output: URL, sourceDateEpoch: String? = nil, lockWait: Double = 120,
                    archive: Bool = false, pdf: Bool = true, loadCache: LoadCache? = nil) {
            self.content = content
            self.layouts = layouts
            self.output = output
            self.sourceDateEpoch = sourceDateEpoch
            self.lockWait = lockWait
            self.archive = archive
            self.pdf = pdf
            self.loadCache = loadCache
        }
    }

    public struct BuildReport: Sendable {
        public var diagnostics: [Diagnostic]
        public var pageCount = 0
        public var fileCount = 0
        public var epubBytes = 0
        /// The EPUB's size as the pages show it (`3,097 kB`).
        public var epubSizeText = ""
        /// 0 when no PDF was made.
        public var pdfBytes = 0
        public var pdfPages = 0
        /// The PDF's size as the pages show it.
        public var pdfSizeText = ""
        /// Each language's booklet files as this build made them, by language code: the pages
        /// `folio serve` renders from memory show them until the next build has made its own.
        var booklets: [String: BookletSizes] = [:]
        /// Originals whose copies were made, and those taken from the cache.
        public var imageWork = ImageStage.Work()
        /// The copies the image stage made, which the preview's pages show until the next build is done.
        public var images = ImageSet.none
        /// Wall time of each stage, in the order they ran: what `--verbose` prints.
        public var stageTimes = StageTimes()
        /// What each language has translated (`TranslationTable`): what `--verbose` prints.
        public var translationTable: [String] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Loads and validates a content folder; writes nothing.
    public static func check(contentFolder: URL, reusing cache: LoadCache? = nil, bodies: ParsedBodies? = nil) -> CheckResult {
        let loaded = ContentLoader.load(from: contentFolder, reusing: cache, bodies: bodies)
        var diagnostics = loaded.diagnostics
        if let content = loaded.content { diagnostics += ContentValidator.validate(content) }
        let paths = DisplayPaths(contentFolder: contentFolder)
        return CheckResult(content: loaded.content, diagnostics: paths.apply(to: diagnostics).sorted())
    }

    /// The problems of the content's raster images that their headers show (`ImageStage.check`).
    public static func checkImages(_ content: SiteContent, contentFolder: URL) -> [Diagnostic] {
        DisplayPaths(contentFolder: contentFolder).apply(to: ImageStage.check(content)).sorted()
    }

    /// Checks an output folder already written: links, anchors, nothing from another host.
    /// `content` gives the path the site is published under, which the 404 page links from.
    public static func checkOutput(_ folder: URL, content: SiteContent? = nil) -> [Diagnostic] {
        let prefix = DisplayPaths.relativePath(of: folder, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return LinkChecker.check(folder: folder, sitePath: content.flatMap { SitePaths.sitePath(of: $0.config) }).map { problem in
            .error(at: SourceLocation(file: prefix.isEmpty ? problem.page : prefix + "/" + problem.page), problem.message)
        }.sorted()
    }

    /// Builds the site and booklet. On any error the existing output folder is left untouched.
    public static func build(_ options: BuildOptions) -> BuildReport {
        let output = OutputFolder(options.output)
        let outputError = { (message: String) in BuildReport(diagnostics: [.error(at: SourceLocation(file: options.output.path), message)]) }
        if let refusal = output.refusal(content: options.content, layouts: options.layouts) { return outputError(refusal.description) }
        let lock: OutputLock
        do {
            lock = try OutputLock(output: output.target, wait: options.lockWait)
        } catch {
            return outputError(error.description)
        }
        // Checked again: the build that held the lock may have changed what is there.
        if let refusal = output.refusal(content: options.content, layouts: options.layouts) { return outputError(refusal.description) }
        let leftovers = BuildLeftovers()
        defer { leftovers.releaseInBackground() }
        return withExtendedLifetime(lock) { buildLocked(options, output: output, leftovers: leftovers) }
    }

    private static func buildLocked(_ options: BuildOptions, output: OutputFolder, leftovers: BuildLeftovers) -> BuildReport {
        var clock = StageTimes()
        let bodies = ParsedBodies(file: CacheFolder(output: options.output).file(ParsedBodies.fileName))
        let checked = check(contentFolder: options.content, reusing: options.loadCache, bodies: bodies)
        leftovers.keep(bodies)
        leftovers.keep(checked)
        // Kept for the next build while this one renders; a cache not written costs it only time.
        let savingBodies = BackgroundTask { try? bodies.save() }
        clock.end("load and validate (\(bodies.reused) bodies parsed by the last build)")
        let (theme, themeDiagnostics) = Theme.load(from: options.layouts, languages: checked.content?.config.languageCodes ?? [])
        var report = BuildReport(diagnostics: checked.diagnostics + themeDiagnostics.map(displayLayoutPath))
        defer { savingBodies.wait() }
        guard let content = checked.content, let theme, !report.diagnostics.hasErrors else { return report }

        let paths = DisplayPaths(contentFolder: options.content)
        report.translationTable = TranslationTable.lines(content, theme: theme)
        let imageStage = ImageStage.run(content, cache: CacheFolder(output: options.output))
        report.diagnostics += paths.apply(to: imageStage.diagnostics)
        report.imageWork = imageStage.work
        report.images = imageStage.images
        clock.end("images (\(imageStage.work.made) made, \(imageStage.work.reused) from the cache)")
        guard !report.diagnostics.hasErrors else { report.diagnostics.sort(); return report }
        if content.config.baseURL == nil {
            report.diagnostics.append(.warning(at: SourceLocation(file: paths.contentPath("site.yaml")),
                                               "no base_url: the sitemap, canonical URLs and absolute feed links are left out"))
        }
        let date = BuildDate(content: content, sourceDateEpoch: options.sourceDateEpoch)
        let outputProblem = { (what: String, error: Error) in
            Diagnostic.error(at: SourceLocation(file: options.output.path), "\(what): \(error.localizedDescription)")
        }
        let staging: URL
        do {
            staging = try output.makeStaging()
        } catch {
            report.diagnostics.append(outputProblem("cannot write the output", error))
            return report
        }
        let writer = StagingWriter(folder: staging, previous: output.target, cache: CacheFolder(output: output.target))
        let cache = CacheFolder(output: options.output)
        // One PDF per language, each laid out in its own cache folder (`pdf`, `pdf-es`, …).
        let pdf: ((SiteRenderer) -> PDFEdition)? = options.pdf && content.config.booklet.makesPDF
            ? { site in PDFEdition(site: site, date: date, layouts: options.layouts,
                                   folder: cache.folder("pdf" + (site.language.isDefault ? "" : "-" + site.language.code))) }
            : nil
        let rendered = render(content, theme: theme, images: imageStage.images, date: date, pdf: pdf,
                              epubPacks: EPUBPackCache(folder: cache.folder("epub")), into: writer, clock: &clock)
        leftovers.keep(rendered)
        leftovers.keep(writer)
        report.fileCount = writer.files.count
        let copies = OutputFolder.copies(assets: theme.assetsFolder, media: content.media)
        writer.addCopies(copies.files)
        writer.addFiles(imageStage.images.siteFiles)
        report.diagnostics += paths.apply(to: copies.problems)
        clock.end("copy assets and media")
        report.diagnostics += paths.apply(to: rendered.diagnostics)
        var archive: Data?
        if options.archive || content.config.booklet.offerArchive, !report.diagnostics.hasErrors {
            do {
                archive = try packSite(content, rendered: rendered, writer: writer, timestamp: date.timestamp)
            } catch {
                report.diagnostics.append(outputProblem("cannot make the site archive", error))
            }
            clock.end("zip the site")
        }
        // The next build's link-scan cache is written while the links are checked.
        let savingScans = BackgroundTask { Result { try writer.saveLinkScans() } }
        report.diagnostics += checkLinks(writer, sources: rendered.sources, content: content, paths: paths, layouts: options.layouts)
        report.diagnostics.sort()
        clock.end("check links")
        report.pageCount = writer.pageCount
        report.epubBytes = rendered.epubBytes
        report.epubSizeText = FileSizeText.text(rendered.epubBytes, theme: theme)
        report.pdfBytes = rendered.pdf?.bytes ?? 0
        report.pdfPages = rendered.pdf?.pages ?? 0
        report.pdfSizeText = FileSizeText.text(report.pdfBytes, theme: theme)
        for site in [rendered.site] + rendered.otherLanguages.map(\.site) {
            report.booklets[site.language.code] = BookletSizes(epubBytes: site.epubSize.value, pdf: site.pdfFacts.value)
        }
        do {
            try savingScans.wait().get()
            try writer.finish()
        } catch let failure as StagingWriter.WriteFailure {
            // A name from the content may be what the file system refused: reported where it is written.
            if let origin = PageSources.origin(of: failure.path, in: content) {
                report.diagnostics += paths.apply(to: [.error(at: origin, "cannot write '\(failure.path)', made from this: \(failure.underlying.localizedDescription)")])
            } else {
                report.diagnostics.append(outputProblem("cannot write '\(failure.path)'", failure.underlying))
            }
        } catch {
            report.diagnostics.append(outputProblem("cannot write the output", error))
        }
        if options.archive, let archive, !report.diagnostics.hasErrors {
            do {
                try SiteArchive.write(archive, to: SiteArchive.location(output: options.output))
            } catch {
                report.diagnostics.append(outputProblem("cannot write the site archive", error))
            }
        }
        if report.diagnostics.hasErrors {
            output.discard(staging)
        } else {
            do {
                try output.commit(staging)
            } catch {
                output.discard(staging)
                report.diagnostics.append(outputProblem("cannot replace the output folder", error))
            }
            clock.end("replace the old output")
        }
        report.stageTimes = clock
        return report
    }

    /// Every broken link of the pages written, reported where it can be fixed.
    private static func checkLinks(_ writer: StagingWriter, sources: PageSources, content: SiteContent,
                                   paths: DisplayPaths, layouts: URL) -> [Diagnostic] {
        LinkChecker.check(links: writer.pages, files: writer.files, sitePath: SitePaths.sitePath(of: content.config)).map {
            sources.locate($0, content: content, displayPaths: paths, layouts: layouts)
        }
    }

    /// Renders every output file made from the content and hands each to `writer` as soon as it
    /// is made. Rendering itself is pure: the same content gives the same bytes whatever the
    /// order (`clock` only records how long it took).
    static func render(_ content: SiteContent, theme: Theme, images: ImageSet = .none, date: BuildDate, pdf makePDF: ((SiteRenderer) -> PDFEdition)? = nil,
                       epubPacks: EPUBPackCache? = nil, into writer: StagingWriter, clock: inout StageTimes) -> RenderedSite {
        // The whole site and booklet once per language, each from the content in its words.
        let sites = content.config.languageCodes.map { code in
            let (words, language) = TranslatedContent.make(content, in: code)
            return SiteRenderer(content: words, theme: theme.speaking(language.code), language: language, images: images)
        }
        // Typst typesets each language's PDF in its own process, started first as it takes
        // longest: one language after another on one serial queue (a second of CPU each), so
        // that the pages keep the other cores; the pages that show a PDF's size wait for it.
        let typst = DispatchQueue(label: "folio.pdf")
        let typesetting = sites.map { site in
            makePDF.map { make in
                let edition = make(site)
                return BackgroundTask(on: typst) { StageTimes.timed { edition.render() } }
            }
        }
        let rendered = zip(sites, typesetting).map { site, pdf in
            renderLanguage(site, date: date, typesetting: pdf, epubPacks: epubPacks, into: writer, clock: &clock)
        }
        // One tally for every language's templates: reported once.
        clock.add("(template engine, CPU time on all cores)", seconds: theme.templateTime.seconds)
        return RenderedSite(languages: rendered)
    }

    /// One language's pages, booklet, PDF, feed and search data (and, for the default language, the sitemap).
    static func renderLanguage(_ site: SiteRenderer, date: BuildDate,
                               typesetting: BackgroundTask<(Result<PDFEdition.Typeset, Diagnostic>, Double)>? = nil,
                               epubPacks: EPUBPackCache? = nil, into writer: StagingWriter, clock: inout StageTimes) -> RenderedSite {
        let content = site.content
        let jobs = site.pageJobs()
        let booklet = BookletRenderer(site: site, date: date)
        var diagnostics = booklet.unreachableLinks()
        // The EPUB is packed, and the feed, sitemap and search data made, by the workers that
        // render the pages, before any page: the EPUB, one long task, keeps one core while the
        // pages share the rest and take that core back when it is done, so that it never ends
        // alone after them. Only the pages that show the EPUB's size wait for it.
        // A rebuild whose booklet is unchanged takes the EPUB the last build packed.
        let pack: @Sendable ([(path: String, data: Data)], String) throws -> Data = { files, timestamp in
            try epubPacks?.packed(files, timestamp: timestamp, name: site.language.code) ?? EPUBArchive.zip(files, timestamp: timestamp)
        }
        let packing = BackgroundTask.notStarted { StageTimes.timed { booklet.renderEPUB(pack: pack) } }
        let companions = BackgroundTask.notStarted { StageTimes.timed { companionFiles(content, site: site, jobs: jobs, booklet: booklet, date: date) } }
        site.render(jobs.filter { !$0.showsEPUBSize }, after: [packing.run, companions.run], deliver: writer.add(_:))
        let (packed, packingSeconds) = packing.wait()
        switch packed {
        case .success(let file):
            writer.add(file)
            site.epubSize.value = file.data.count
        case .failure(let problem):
            diagnostics.append(problem)
        }
        var pdfSeconds: Double?
        if let (typeset, seconds) = typesetting?.wait() {
            pdfSeconds = seconds
            switch typeset {
            case .success(let made):
                writer.add(made.file)
                site.pdfFacts.value = .init(bytes: made.file.data.count, pages: made.pages)
                diagnostics += made.warnings
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        site.render(jobs.filter(\.showsEPUBSize), deliver: writer.add(_:))
        let (files, companionSeconds) = companions.wait()
        files.forEach(writer.add)
        clock.end("render and write pages, pack the EPUB" + (site.language.choices.isEmpty ? "" : " (\(site.language.code))"))
        clock.add("(of which EPUB, beside the pages)", seconds: packingSeconds)
        if let pdfSeconds { clock.add("(PDF, typeset by Typst beside the pages)", seconds: pdfSeconds) }
        clock.add("(feed, sitemap, search data, beside the pages)", seconds: companionSeconds)
        let folder = site.language.folder
        return RenderedSite(sources: PageSources(jobs: jobs.map { var job = $0; job.path = folder + job.path; return job }),
                            epubBytes: site.epubSize.value ?? 0, pdf: site.pdfFacts.value, diagnostics: diagnostics,
                            site: site, bookletPage: jobs.first { $0.path == SitePaths.booklet })
    }

    /// The files beside the pages: the drawn cover (when the editors give none), the Atom feed,
    /// the sitemap (or a robots.txt without one) and the search data.
    private static func companionFiles(_ content: SiteContent, site: SiteRenderer, jobs: [SiteRenderer.PageJob],
                                       booklet: BookletRenderer, date: BuildDate) -> [OutputFile] {
        var files: [OutputFile] = []
        let language = site.language
        if content.config.booklet.cover == nil {
            files.append(OutputFile(path: language.folder + "booklet/" + CoverSVG.path, text: booklet.drawnCover))
        }
        files.append(AtomFeed.render(content, updated: date.timestamp, feedTitle: content.config.title + " – " + site.theme.string("titles.feed"),
                                     folder: language.folder))
        files.append(SearchData.render(site.index.projects, folder: language.folder))
        guard language.isDefault else { return files }
        if let root = content.config.absoluteRoot {
            let languages = language.choices.map { ($0.code, PageLanguage.folder(of: $0.code, defaultCode: language.defaultCode)) }
            files += Sitemap.render(pagePaths: SiteRenderer.readerPaths(of: jobs), absoluteRoot: root, languages: languages)
        } else {
            files.append(Sitemap.robotsWithoutSitemap())
        }
        return files
    }

    public static func displayLayoutPath(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.location.file = DisplayPaths.relativePath(of: URL(fileURLWithPath: copy.location.file),
                                                       from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return copy
    }
}

/// What rendering leaves beside the files it wrote.
struct RenderedSite {
    var sources: PageSources
    var epubBytes: Int
    var pdf: SiteRenderer.PDFFacts?
    var diagnostics: [Diagnostic]
    /// For the pages rendered again once the site archive is packed.
    var site: SiteRenderer
    var bookletPage: SiteRenderer.PageJob?
    /// The other languages' renderers and booklet pages, which offer the same site archive.
    var otherLanguages: [(site: SiteRenderer, bookletPage: SiteRenderer.PageJob?)] = []
}

extension RenderedSite {
    /// Every language's rendering as one: the default language's renderer and EPUB size (the
    /// site archive and the build summary speak of those), every language's pages and problems.
    init(languages: [RenderedSite]) {
        let first = languages[0]
        var seen = Set<Diagnostic>()
        // An untranslated body is rendered in every language: its problems are reported once.
        let diagnostics = languages.flatMap(\.diagnostics).filter { seen.insert($0).inserted }
        self.init(sources: PageSources(merging: languages.map(\.sources)), epubBytes: first.epubBytes, pdf: first.pdf, diagnostics: diagnostics,
                  site: first.site, bookletPage: first.bookletPage,
                  otherLanguages: languages.dropFirst().map { ($0.site, $0.bookletPage) })
    }
}
