import Foundation
import Mustache
import Testing
@testable import FolioKit

/// Folio's engine replaced swift-mustache; the real `Layouts/` must still write exactly what
/// swift-mustache wrote with the same values, and the names pages provide must be exactly the
/// names the builders set.
@Suite(.serialized) struct LayoutsCompatibilityTests {
    /// Folio's escaping, as the old `Theme` registered it under swift-mustache's `HTML` name.
    struct FolioEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    let content: SiteContent
    let theme: Theme
    let site: SiteRenderer
    private let scratch = TemporaryFolder("folio-layouts-compatibility")

    init() throws {
        content = try #require(Pipeline.check(contentFolder: BuildTests.repository.appendingPathComponent("Content")).content)
        theme = try #require(Theme.load(from: BuildTests.layouts).theme)
        // The content's pictures as a build shows them: copies with their sizes and srcsets.
        let images = ImageStage.run(content, cache: CacheFolder(output: scratch.url.appendingPathComponent("Output")))
        #expect(images.diagnostics.isEmpty, "\(images.diagnostics.map(\.text))")
        site = SiteRenderer(content: content, theme: theme, images: images.images)
        site.epubSize.value = 95_000
        site.archiveSize.value = 510_000
        site.pdfFacts.value = SiteRenderer.PDFFacts(bytes: 850_000, pages: 62)
    }

    /// A value as swift-mustache reads it: dictionaries, arrays, strings, numbers and booleans.
    func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let elements): elements.map(plain)
        case .object(let object):
            Dictionary(uniqueKeysWithValues: object.names.map { (theme.library.names.name(at: $0), plain(object[$0]!)) })
        }
    }

    func mustacheLibrary() throws -> MustacheLibrary {
        MustacheContentTypes.register(FolioEscaping(), named: "HTML")
        var library = MustacheLibrary()
        for file in ContentFolder.sortedEntries(of: BuildTests.layouts) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: BuildTests.layouts.appendingPathComponent(file), encoding: .utf8)
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n" + text), named: String(file.dropLast(".mustache".count)))
        }
        return library
    }

    @Test func everyPageOfTheContentIsWhatSwiftMustacheWrote() throws {
        let library = try mustacheLibrary()
        let strings = plain(try #require(theme.library.constants[.strings]))
        let jobs = site.pageJobs()
        #expect(jobs.count > 90)
        for job in jobs {
            let values = job.context()
            var context = try #require(plain(.object(values)) as? [String: Any])
            context["strings"] = strings
            let expected = try #require(library.render(context, withTemplate: job.template))
            let written = theme.render(job.template, values)
            #expect(written == expected, "\(job.path) differs")
        }
        // Project cards are rendered on their own, once per depth and heading level.
        for project in content.projects.prefix(5) {
            var card = site.projectCard(project, from: SitePaths.project(project.slug))
            card[.level] = .number(3)
            card[.root] = .text("../")
            var context = try #require(plain(.object(card)) as? [String: Any])
            context["strings"] = strings
            #expect(theme.render("project-card", card) == library.render(context, withTemplate: "project-card"))
        }
    }

    @Test func everyNameTemplatesMayUseIsProvidedByAPage() {
        var provided: Set<Int> = []
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let object):
                for name in object.names {
                    provided.insert(name)
                    collect(object[name]!)
                }
            case .list(let elements): elements.forEach(collect)
            default: return
            }
        }
        for job in site.pageJobs() { collect(.object(job.context())) }
        // The values only another language's pages need (untranslated text's lang and notice).
        for code in content.config.languageCodes.dropFirst() {
            let (words, language) = TranslatedContent.make(content, in: code)
            for job in SiteRenderer(content: words, theme: site.theme, language: language).pageJobs() { collect(.object(job.context())) }
        }
        let unused = TemplateKey.allCases.filter { $0 != .strings && !provided.contains($0.rawValue) }
        #expect(unused.isEmpty, "TemplateKey names no page builder sets: \(unused.map(\.name))")
    }
}
