import Foundation
import FoundationXML
import Testing
import ZIPFoundation
@testable import FolioKit

/// The booklet of a small content tree it has never seen: links between projects, footnotes in
/// several chapters, images, an introduction, links to site pages with and without `base_url`, a
/// drawn and a given cover. Checked by opening the EPUB, by EPUBCheck when it is installed, and by
/// rebuilding in other time zones and locales.
@Suite struct BookletFixtureTests {
    private let scratch = TemporaryFolder("folio-booklet-fixture")
    var folder: URL { scratch.url }
    var content: URL { folder.appendingPathComponent("Content") }
    var output: URL { folder.appendingPathComponent("Output") }

    static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#2e6b30"/></svg>

    """

    /// Writes the fixture; `baseURL` and `cover` vary what the booklet can link to and show.
    func makeContent(baseURL: String? = nil, cover: String? = nil) throws {
        try write("site.yaml", """
        title: Fixture Programme
        language: pl
        \(baseURL.map { "base_url: \($0)" } ?? "")
        funding_notice: Funded by the European Union & its "partners".
        sectors:
          agrifood: {name: Agri-food, colour: "#2e6b30"}
          ict: {name: ICT, colour: "#5b3a99"}
          health: {name: Zdrowie, colour: "#a4262c"}
        booklet:
          title: Księga projektów <&>
          subtitle: Small but complete
          publisher: Fixture consortium
          identifier: urn:uuid:5d0c1f7e-8b4a-4c3e-9e2d-0a1b2c3d4e5f
          date: 2021-03-09
        \(cover.map { "  cover: \($0)" } ?? "")
        """)
        try write("media/cover.svg", Self.svg)
        try write("media/field.svg", Self.svg)
        try write("media/soil map.svg", Self.svg)
        try LibVips.testPattern(width: 640, height: 480, format: .webp).write(to: content.appendingPathComponent("media/old.webp"))
        try write("pages/booklet.md", """
        ---
        title: About the booklet
        ---
        Start with [the drone](../projects/field-drone.md) or read [about us](about.md).

        ## Field drone
        """)
        try write("pages/about.md", "---\ntitle: About\n---\nWe are a programme.\n")
        try write("news/2021-02-01-kick-off.md", """
        ---
        title: Kick-off
        date: 2021-02-01
        summary: It began.
        ---
        Hello.
        """)
        try write("projects/field-drone.md", """
        ---
        title: Field drone
        acronym: FIDO
        summary: Drones over fields, with "quotes" & ampersands.
        sectors: [agrifood, ict]
        countries: [ES, PL]
        call: Open Call 1 (2017)
        funding_eur: 30000
        stage: market
        partners:
          - {name: Łódź Sensors sp. z o.o., country: PL, role: coordinator}
          - {name: Campo Datos S.L., country: ES}
        ---
        ## Field drone

        Crops need watching. See the [sister project](soil-net.md#results)[^1] and the [kick-off](../news/2021-02-01-kick-off.md).

        ![A green field seen from above](../media/field.svg)

        ![Soil map](../media/soil%20map.svg) and ![Old photo](../media/old.webp)

        | a | b |
        |---|--:|
        | 1 | 2 |

        Back to [our challenge](#field-drone).

        [^1]: A footnote.
        """)
        try write("projects/soil-net.md", """
        ---
        title: Soil net
        summary: Sensors in soil. Ελληνικά, Português, Nederlands.
        sectors: [ict, health]
        countries: [PT]
        call: Open Call 2 (2018)
        funding_eur: 20000
        partners:
          - {name: Terra Viva Lda, country: PT}
          - {name: Łódź Sensors sp. z o.o., country: PL}
        ---
        ## Results

        Back to [the drone](field-drone.md)[^1], all [projects](./).

        [^1]: Another footnote with the same number.
        """)
        try write("projects/apple-press.md", """
        ---
        title: apple press
        summary: Lower case title sorts among the others.
        sectors: [agrifood]
        countries: [ES]
        call: Open Call 1 (2017)
        funding_eur: 10000
        partners:
          - {name: Campo Datos S.L., country: ES}
        ---
        Pressing apples.
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func build(_ epoch: String? = nil) -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: BuildTests.layouts, output: output, sourceDateEpoch: epoch))
    }

    var epubURL: URL { output.appendingPathComponent(SitePaths.epub(for: try! #require(Pipeline.check(contentFolder: content).content).config)) }

    func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var result: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            result[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return result
    }

    @Test func chaptersLinksAndNavigationWithoutBaseURL() throws {
        try makeContent()
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        // Links to site pages the booklet does not hold: one warning each, at the link.
        let warnings = report.diagnostics.filter { $0.message.hasPrefix("the booklet shows this link as plain text") }
        #expect(Set(warnings.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line)" })
                == ["projects/field-drone.md:16", "projects/soil-net.md:14", "pages/booklet.md:4"])

        // A WebP photograph is carried as its booklet copy, a JPEG: nothing is left out.
        #expect(!report.diagnostics.contains { $0.message.hasPrefix("the booklet shows this image as its alt text") })

        let data = try Data(contentsOf: epubURL)
        let files = try entries(data)
        let order = Array(try Archive(data: data, accessMode: .read)).map(\.path)
        #expect(order.first == "mimetype")
        #expect(order.dropFirst().first == "META-INF/container.xml")
        let rest = Array(order.dropFirst(2))
        #expect(rest == rest.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for (path, text) in files where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".ncx") || path.hasSuffix(".xml") {
            #expect(XMLParser(data: Data(text.utf8)).parse(), "\(path) is not well-formed")
        }

        let chapter = try #require(files["EPUB/chapters/field-drone.xhtml"])
        #expect(chapter.contains("href=\"../chapters/soil-net.xhtml#soil-net--results\""))
        #expect(chapter.contains("id=\"field-drone--field-drone\"") && chapter.contains("href=\"#field-drone--field-drone\""))
        #expect(chapter.contains("src=\"../media/field.svg\"") && chapter.contains("alt=\"A green field seen from above\""))
        let soilMap = BookletLink.packagePath("media/soil map.svg")
        #expect(soilMap.hasPrefix("media/soil-map-") && soilMap.hasSuffix(".svg") && soilMap != BookletLink.packagePath("media/soil-map.svg"))
        #expect(chapter.contains("src=\"../\(soilMap)\"") && files["EPUB/\(soilMap)"] != nil)
        #expect(chapter.contains("<img src=\"../media/old.jpg\" alt=\"Old photo\" width=\"640\" height=\"480\" />"))
        #expect(files["EPUB/media/old.jpg"] != nil && files["EPUB/media/old.webp"] == nil)
        #expect(!chapter.contains("news/2021-02-01-kick-off"), "a site link without base_url must be plain text")
        #expect(chapter.contains("Łódź Sensors sp. z o.o., Polska") || chapter.contains("Łódź Sensors sp. z o.o., Poland"))
        #expect(chapter.contains("FIDO"))
        let soil = try #require(files["EPUB/chapters/soil-net.xhtml"])
        #expect(soil.contains("href=\"../chapters/field-drone.xhtml#field-drone\""))
        #expect(soil.contains("id=\"soil-net--fn-1\"") || soil.contains("id=\"soil-net--fn1\""))

        let package = try #require(files["EPUB/package.opf"])
        #expect(package.contains("<dc:title>Księga projektów &lt;&amp;&gt;</dc:title>"))
        #expect(package.contains("<dc:language>pl</dc:language>"))
        #expect(package.contains("<meta property=\"dcterms:modified\">2021-03-09T00:00:00Z</meta>"))
        #expect(package.contains("href=\"media/field.svg\" media-type=\"image/svg+xml\""))
        #expect(package.contains("href=\"\(BookletLink.packagePath("media/soil map.svg"))\" media-type=\"image/svg+xml\""))
        #expect(package.contains("href=\"cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
        #expect(package.contains("href=\"charts.xhtml\"") == false)
        for slug in ["apple-press", "field-drone", "soil-net"] {
            #expect(files["EPUB/chapters/\(slug).xhtml"] != nil, "no chapter for \(slug)")
        }

        // Grouped by call, ordered by title whatever its case.
        let nav = try #require(files["EPUB/nav.xhtml"])
        let call1 = try #require(nav.range(of: "calls/open-call-1-2017.xhtml"))
        let apple = try #require(nav.range(of: "chapters/apple-press.xhtml"))
        let drone = try #require(nav.range(of: "chapters/field-drone.xhtml"))
        let call2 = try #require(nav.range(of: "calls/open-call-2-2018.xhtml"))
        #expect(call1.lowerBound < apple.lowerBound && apple.lowerBound < drone.lowerBound && drone.lowerBound < call2.lowerBound)
        for landmark in ["toc", "cover", "titlepage", "bodymatter", "index"] {
            #expect(nav.contains("epub:type=\"\(landmark)\""), "no \(landmark) landmark")
        }
        let intro = try #require(files["EPUB/introduction.xhtml"])
        #expect(intro.contains("href=\"chapters/field-drone.xhtml#field-drone\"") && intro.contains("id=\"introduction--field-drone\""))
        let cover = try #require(files["EPUB/cover.xhtml"])
        #expect(cover.contains("src=\"cover.svg\"") && cover.contains("alt=\""))
        #expect(files["EPUB/cover.svg"]?.contains("Księga projektów &lt;&amp;&gt;") == true)
        let index = try #require(files["EPUB/partners.xhtml"])
        #expect(index.contains("Łódź Sensors sp. z o.o.: <a href=\"chapters/field-drone.xhtml\">Field drone</a>, <a href=\"chapters/soil-net.xhtml\">Soil net</a>"))
        #expect(try #require(files["EPUB/toc.ncx"]).contains("<meta name=\"dtb:depth\" content=\"2\"/>"))

        try EPUBCheck.expectClean(epubURL)
    }

    @Test func givenCoverAndSiteLinksWithBaseURL() throws {
        try makeContent(baseURL: "https://fixture.example.eu/sub", cover: "media/cover.svg")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        #expect(!report.diagnostics.contains { $0.message.hasPrefix("the booklet shows this link") })
        let files = try entries(try Data(contentsOf: epubURL))
        let chapter = try #require(files["EPUB/chapters/field-drone.xhtml"])
        #expect(chapter.contains("href=\"https://fixture.example.eu/sub/news/2021-02-01-kick-off.html\""))
        #expect(chapter.contains("href=\"https://fixture.example.eu/sub/projects/field-drone.html\""))
        #expect(try #require(files["EPUB/chapters/soil-net.xhtml"]).contains("href=\"https://fixture.example.eu/sub/projects/index.html\""))
        let package = try #require(files["EPUB/package.opf"])
        #expect(package.contains("href=\"media/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
        #expect(files["EPUB/cover.svg"] == nil)
        #expect(try #require(files["EPUB/cover.xhtml"]).contains("src=\"media/cover.svg\""))
        try EPUBCheck.expectClean(epubURL)
    }

    @Test func aCoverEPUBReadersCannotShowIsDrawnInstead() throws {
        try makeContent(cover: "media/old.webp")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let warning = report.diagnostics.first { $0.message.hasPrefix("the booklet's EPUB draws its own cover") }
        #expect(warning?.location.file.hasSuffix("site.yaml") == true && warning?.location.line == 15)
        let files = try entries(try Data(contentsOf: epubURL))
        #expect(files["EPUB/cover.svg"] != nil && files["EPUB/media/old.webp"] == nil)
        #expect(try #require(files["EPUB/package.opf"]).contains("href=\"cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
        // The single-page edition shows the editors' cover, as its largest stripped copy.
        #expect(try String(contentsOf: output.appendingPathComponent("booklet/edition.html"), encoding: .utf8).contains("../media/old-640.jpg"))
        try EPUBCheck.expectClean(epubURL)
    }

    /// The `folio` executable in other time zones and locales gives the same bytes as this process.
    @Test func rebuildsInOtherTimeZonesAndLocalesAreByteIdentical() throws {
        try makeContent()
        #expect(build("1615300000").succeeded)
        let reference = try Data(contentsOf: epubURL)
        #expect(build("1615300000").succeeded)
        #expect(try Data(contentsOf: epubURL) == reference)
        #expect(try #require(entries(reference)["EPUB/package.opf"]).contains("2021-03-09T14:26:40Z"))

        guard let folio = FolioExecutable.url else {
            print("note: the folio executable is not built next to the tests; skipped the time-zone rebuilds")
            return
        }
        for (zone, locale) in [("Pacific/Kiritimati", "tr_TR.UTF-8"), ("America/Los_Angeles", "C"), ("Asia/Kolkata", "de_DE.UTF-8")] {
            let other = folder.appendingPathComponent("Output-\(zone.replacingOccurrences(of: "/", with: "-"))")
            let process = Process()
            process.executableURL = folio
            process.arguments = ["build", "--content", content.path, "--layouts", BuildTests.layouts.path, "--output", other.path]
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = zone
            environment["LANG"] = locale
            environment["LC_ALL"] = locale
            environment["SOURCE_DATE_EPOCH"] = "1615300000"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "folio build failed in \(zone)")
            let data = try Data(contentsOf: other.appendingPathComponent(epubURL.path.dropFirst(output.path.count + 1).description))
            #expect(data == reference, "EPUB differs in \(zone), \(locale)")
        }
    }

    @Test func aDocumentThatIsNotWellFormedStopsAtItsSourceLine() throws {
        try makeContent()
        let content = try #require(Pipeline.check(contentFolder: self.content).content)
        let theme = try #require(Theme.load(from: BuildTests.layouts).theme)
        let renderer = BookletRenderer(site: SiteRenderer(content: content, theme: theme), date: BuildDate(content: content, sourceDateEpoch: nil))
        let document = EPUBDocument(path: "chapters/field-drone.xhtml", title: "Field drone",
                                    body: "<section>\n<p>Crops need watching & more</p>\n</section>", source: "projects/field-drone.md")
        let xhtml = document.xhtml(language: "pl", stylesheet: "style.css")
        let problem = try #require(XMLWellFormedness.problem(in: xhtml))
        let diagnostic = renderer.diagnostic(for: problem, in: document, xhtml: xhtml)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "projects/field-drone.md")
        #expect(diagnostic.location.line == 16)
    }
}

/// EPUBCheck 4.2.6 as Debian installs it: a jar run with `java -jar`.
enum EPUBCheck {
    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) || (name == "epubcheck" && FileManager.default.fileExists(atPath: path)) {
                return path
            }
        }
        return nil
    }

    /// Runs EPUBCheck and expects 0 fatals, 0 errors and 0 warnings; prints a note and passes
    /// when Java or EPUBCheck is not installed.
    static func expectClean(_ epub: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let java = which("java"), let jar = which("epubcheck") else {
            print("note: java or epubcheck not on PATH; skipped EPUBCheck for \(epub.lastPathComponent)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: java)
        process.arguments = ["-jar", URL(fileURLWithPath: jar).resolvingSymlinksInPath().path, epub.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Messages: 0 fatals / 0 errors / 0 warnings"), "EPUBCheck:\n\(text)", sourceLocation: sourceLocation)
        #expect(process.terminationStatus == 0, sourceLocation: sourceLocation)
    }
}

/// The `folio` executable SwiftPM builds next to the test bundle, if it is there.
enum FolioExecutable {
    static var url: URL? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL,
                          Bundle.main.bundleURL.deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("folio") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
