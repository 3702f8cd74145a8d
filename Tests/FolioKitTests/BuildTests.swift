import Foundation
import Testing
@testable import FolioKit

/// End to end: a small content tree through the repository's real Layouts/ into a temporary
/// output folder, asserting on what was written.
@Suite struct BuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let layouts = repository.appendingPathComponent("Layouts")

    private let scratch = TemporaryFolder("folio-build")
    var folder: URL { scratch.url }
    var content: URL { folder.appendingPathComponent("Content") }
    var output: URL { folder.appendingPathComponent("Output") }

    init() throws {
        try write("site.yaml", """
        title: Demo Programme
        language: en
        base_url: https://demo.example.eu/sub/
        funding_notice: Funded by the European Union.
        sectors:
          agrifood: {name: Agri-food, colour: "#2e6b30"}
          ict: {name: ICT, colour: "#5b3a99"}
        booklet:
          title: Demo booklet
          identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
          date: 2019-05-31
        menu:
          - {title: Projects, link: projects/}
          - {title: About, link: pages/about.md}
        """)
        try write("projects/field-drone.md", """
        ---
        title: Field drone <script>alert(1)</script>
        summary: Drones over fields, with "quotes" & ampersands.
        sectors: [agrifood, ict]
        countries: [ES, PL]
        call: Open Call 1 (2017)
        funding_eur: 30000
        stage: market
        partners:
          - {name: Łódź Sensors sp. z o.o., country: PL, url: https://lodz.example.com}
          - {name: Campo Datos S.L., country: ES}
        ---
        ## Challenge

        Crops need watching. See the [sister project](soil-net.md#results)[^1].

        | a | b |
        |---|--:|
        | 1 | 2 |

        - [x] flown
        - [ ] sold

        <script>alert("raw")</script> [bad](javascript:alert(1))

        [^1]: A footnote.
        """)
        try write("projects/soil-net.md", """
        ---
        title: Soil net
        summary: Sensors in soil. Ελληνικά, Português, Polski, Nederlands, Español.
        sectors: [ict]
        countries: [PT]
        call: Open Call 2 (2018)
        funding_eur: 20000
        partners:
          - {name: Terra Viva Lda, country: PT}
        ---
        ## Results

        Back to [the drone](field-drone.md).
        """)
        try write("news/2019-05-21-final-conference.md", """
        ---
        title: Final conference
        date: 2019-05-21
        summary: The programme's final conference in Madrid.
        event: {start: 2019-05-21, end: 2019-05-23, place: Madrid}
        ---
        Read [about us](../pages/about.md).
        """)
        try write("pages/about.md", """
        ---
        title: About
        ---
        We are a programme.
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func build() -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: Self.layouts, output: output))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func buildsEveryPageWithWorkingLinks() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        for path in ["index.html", "projects/index.html", "projects/field-drone.html", "projects/soil-net.html",
                     "news/index.html", "news/2019-05-21-final-conference.html", "pages/about.html",
                     "sectors/agrifood.html", "countries/pl.html", "stages/market.html", "partners/index.html",
                     "metrics/index.html", "booklet/index.html", "booklet/edition.html", "404.html",
                     "feed.xml", "sitemap.xml", "robots.txt", "assets/search-data.js"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(LinkChecker.check(folder: output, sitePath: "/sub/").isEmpty)
    }

    @Test func escapesAndDropsUnsafeInput() throws {
        #expect(build().succeeded)
        let page = try read("projects/field-drone.html")
        #expect(page.contains("Field drone &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("href=\"soil-net.html#results\"") || page.contains("href=\"../projects/soil-net.html#results\""))
        #expect(page.contains("Łódź Sensors"))
    }

    @Test func searchDataAndFeedCoverTheContent() throws {
        #expect(build().succeeded)
        let search = try read("assets/search-data.js")
        #expect(search.hasPrefix("window.FOLIO_SEARCH = "))
        #expect(search.contains("\"slug\":\"field-drone\"") && search.contains("\"slug\":\"soil-net\""))
        let feed = try read("feed.xml")
        #expect(feed.contains("<updated>2019-05-31T00:00:00Z</updated>"))
        #expect(feed.contains("https://demo.example.eu/sub/news/2019-05-21-final-conference.html"))
        let sitemap = try read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://demo.example.eu/sub/projects/soil-net.html</loc>"))
        #expect(!sitemap.contains("404.html"))
    }

    @Test func failedBuildLeavesOutputUntouched() throws {
        #expect(build().succeeded)
        let before = try read("index.html")
        try write("projects/soil-net.md", "---\ntitle: Soil net\nsummary: x\nsectors: [ict]\ncountries: [PT]\ncall: C\nfunding_eur: 1\npartners: [{name: A, country: PT}]\n---\n[gone](nowhere.md)\n")
        let report = build()
        #expect(!report.succeeded)
        let error = report.diagnostics.first { $0.location.file.hasSuffix("projects/soil-net.md") }
        #expect(error?.severity == .error)
        #expect(error?.location.line == 10)
        #expect(error?.location.column == 1)
        #expect(try read("index.html") == before)
        // `.folio-cache` is where builds keep what the next build reuses (CacheFolder), not a leftover.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0 != ".folio-cache" }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func refusesUnsafeOutputFolders() throws {
        for unsafe in [content, content.appendingPathComponent("media"), folder, URL(fileURLWithPath: "/")] {
            let report = Pipeline.build(.init(content: content, layouts: Self.layouts, output: unsafe))
            #expect(!report.succeeded, "accepted \(unsafe.path)")
        }
        let foreign = folder.appendingPathComponent("Foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "keep me".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(!Pipeline.build(.init(content: content, layouts: Self.layouts, output: foreign)).succeeded)
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
    }

    @Test func rebuildsAreByteIdentical() throws {
        #expect(build().succeeded)
        let first = try snapshot()
        #expect(build().succeeded)
        #expect(try snapshot() == first)
    }

    @Test func rebuildKeepsUnchangedFilesAndRewritesChangedOnes() throws {
        #expect(build().succeeded)
        let about = output.appendingPathComponent("pages/about.html").path
        let before = try FileManager.default.attributesOfItem(atPath: about)[.systemFileNumber] as? Int
        try write("projects/soil-net.md", try String(contentsOf: content.appendingPathComponent("projects/soil-net.md"), encoding: .utf8)
            .replacingOccurrences(of: "Sensors in soil.", with: "Sensors deep in soil."))
        #expect(build().succeeded)
        #expect(try read("projects/soil-net.html").contains("Sensors deep in soil."))
        #expect(try read("projects/index.html").contains("Sensors deep in soil."))
        let attributes = try FileManager.default.attributesOfItem(atPath: about)
        #expect(attributes[.systemFileNumber] as? Int == before, "an unchanged page was written again")
        #expect(attributes[.referenceCount] as? Int == 1, "the previous output was not removed")
    }

    @Test func listsShowCardsAtTheirHeadingLevel() throws {
        #expect(build().succeeded)
        let card = #"class="card-title"><a href="../projects/soil-net.html">Soil net</a></h"#
        #expect(try read("projects/index.html").contains("<h2 " + card + "2>"))
        #expect(try read("sectors/ict.html").contains("<h2 " + card + "2>"))
        #expect(try read("projects/field-drone.html").contains("<h3 " + card + "3>"))
        #expect(try read("index.html").contains(#"<h3 class="card-title"><a href="projects/soil-net.html">Soil net</a></h3>"#))
    }

    @Test func symbolicLinksOutOfTheContentFolderAreRefused() throws {
        let fm = FileManager.default
        let outside = folder.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try fm.copyItem(at: content.appendingPathComponent("projects/soil-net.md"), to: outside.appendingPathComponent("stray.md"))
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("projects/stray.md").path, withDestinationPath: outside.appendingPathComponent("stray.md").path)
        try fm.createDirectory(at: content.appendingPathComponent("media"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("media/outside").path, withDestinationPath: outside.path)
        let report = build()
        let refused = report.diagnostics.filter { $0.message.contains("is a link to a file outside the content folder") }.map(\.location.file)
        #expect(refused.contains { $0.hasSuffix("projects/stray.md") })
        #expect(refused.contains { $0.hasSuffix("media/outside") })
        #expect(!report.succeeded)

        // A link that stays inside the content folder is published like any other file.
        try fm.removeItem(at: content.appendingPathComponent("projects/stray.md"))
        try fm.removeItem(at: content.appendingPathComponent("media/outside"))
        try write("media/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("media/logo-link.svg").path, withDestinationPath: "logo.svg")
        let again = build()
        #expect(again.succeeded, "\(again.diagnostics.map(\.text))")
        #expect(fm.fileExists(atPath: output.appendingPathComponent("media/logo-link.svg").path))
    }

    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileTree.files(in: output) {
            files[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return files
    }
}
