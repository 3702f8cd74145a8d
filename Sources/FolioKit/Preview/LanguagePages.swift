import Foundation

/// One language's pages for the preview, made the first time one of them is asked for: the
/// site index and the page table cost 25 ms per language at 2,000 projects, and the page an
/// editor looks at after a save needs one language, not all of them. Made once, under a lock,
/// whichever request or warm-up comes first.
final class LanguagePages: @unchecked Sendable {
    typealias Table = [String: (site: SiteRenderer, job: SiteRenderer.PageJob)]

    /// Where this language's pages are from the output root: `""` or `"es/"`.
    let folder: String
    private let make: @Sendable () -> Table
    private let lock = NSLock()
    private var table: Table?

    init(code: String, content: SiteContent, theme: Theme, lastBuild: Pipeline.BuildReport?) {
        folder = PageLanguage.folder(of: code, defaultCode: content.config.language.value)
        make = {
            let (words, language) = TranslatedContent.make(content, in: code)
            let site = SiteRenderer(content: words, theme: theme.speaking(language.code), language: language,
                                    images: lastBuild?.images ?? .none)
            // Pictures, and the EPUB's and PDF's sizes on the home and booklet pages, are the last
            // build's until the next build has made them.
            let made = lastBuild?.booklets[language.code]
            site.epubSize.value = made?.epubBytes
            site.pdfFacts.value = made?.pdf
            var table = Table()
            for job in site.pageJobs() where table[language.folder + job.path] == nil {
                table[language.folder + job.path] = (site, job)
            }
            return table
        }
    }

    /// The renderer and job of the page at `path` (from the output root), if this language has one.
    func job(at path: String) -> (site: SiteRenderer, job: SiteRenderer.PageJob)? {
        lock.withLock {
            if table == nil { table = make() }
            return table?[path]
        }
    }

    /// Makes the table now, so that the next request finds it ready.
    func prepare() {
        _ = job(at: "")
    }
}
