import Foundation

/// The render stage for the website: turns the content model into output files through the
/// theme's templates. Pure: no file I/O, and the same model always gives the same bytes.
public struct SiteRenderer: Sendable {
    public let content: SiteContent
    public let index: SiteIndex
    public let theme: Theme
    /// The language of these pages and where the others are (`PageLanguage`).
    public let language: PageLanguage
    /// The copies of the raster images the pages show, made by the image stage.
    public let images: ImageSet
    /// The booklet's EPUB size in bytes, shown next to its download link on the pages whose job
    /// says `showsEPUBSize`: those render once it is set.
    let epubSize = PendingValue<Int>()
    /// The site archive's size in bytes, set once it is packed when `booklet.offer_archive` is on;
    /// only then does the booklet page offer it (the page inside the archive does not).
    let archiveSize = PendingValue<Int>()
    /// The PDF edition's size and page count, shown beside its link on the same pages, once typeset.
    let pdfFacts = PendingValue<PDFFacts>()

    struct PDFFacts: Sendable {
        var bytes: Int
        var pages: Int
    }
    let cards = CardCache()

    public init(content: SiteContent, theme: Theme, language: PageLanguage? = nil, images: ImageSet = .none) {
        self.content = content
        self.index = SiteIndex(content)
        self.theme = theme
        self.language = language ?? PageLanguage(single: content.config)
        self.images = images
    }

    /// One page to render: its path and how to make its template context.
    struct PageJob: Sendable {
        var path: String
        var template: String
        /// Only these pages wait for the EPUB, to show its size.
        var showsEPUBSize = false
        /// Roughly how many projects the page lists: the longest pages render first.
        var size = 1
        var context: @Sendable () -> TemplateObject
    }

    /// The pages of `jobs` rendered on all cores, largest first, each handed to `deliver` on the
    /// core that rendered it. Every page's bytes depend only on the model, never on the order.
    /// `tasks` are started before any page, one per free core, on the same workers.
    func render(_ jobs: [PageJob], after tasks: [@Sendable () -> Void] = [], deliver: @Sendable (RenderedPage) -> Void) {
        let work = tasks.map(Work.task) + jobs.largestFirst(by: \.size).map(Work.page)
        work.concurrentForEach { work in
            switch work {
            case .task(let task):
                task()
            case .page(let job):
                let log = FragmentLog()
                let (html, links) = FragmentLog.$current.withValue(log) { theme.renderPage(job.template, job.context(), fragments: log.fragments) }
                deliver(RenderedPage(file: OutputFile(path: language.folder + job.path, data: html), links: links, fragments: log.fragments))
            }
        }
    }

    private enum Work: Sendable {
        case task(@Sendable () -> Void)
        case page(PageJob)
    }

    /// Every HTML page of the site.
    func pageJobs() -> [PageJob] {
        homePages() + projectPages() + taxonomyPages() + partnerPages() + newsPages()
            + metricsPages() + freePages() + bookletPages() + bookletEditionPages() + (language.isDefault ? notFoundPages() : [])
    }

    /// Paths of the pages readers reach, for the sitemap (the 404 page is not one).
    static func readerPaths(of jobs: [PageJob]) -> [String] {
        jobs.map(\.path).filter { $0 != SitePaths.notFound }
    }
}

/// A file of the output: its path from the output root and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
