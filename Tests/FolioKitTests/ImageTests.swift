import Foundation
import Testing
import ZIPFoundation
@testable import FolioKit

/// Images end to end: real JPEG, PNG (with alpha), GIF and a phone photo carrying GPS and a
/// rotation tag, all drawn by libvips at test time, through a real build.
@Suite struct ImageTests {
    private let scratch = TemporaryFolder("folio-images")
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var output: URL { scratch.url.appendingPathComponent("Output") }

    init() throws {
        try write("site.yaml", """
        title: Image Programme
        language: en
        funding_notice: Funded by the European Union.
        sectors:
          agrifood: {name: Agri-food, colour: "#2e6b30"}
        booklet:
          title: Image booklet
          identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
          date: 2019-05-31
        """)
        try write("projects/farm.md", project(body: """
        ## Field

        ![A gradient from black to orange, standing for a field at dusk](../media/alpha.png)

        ![](../media/rule.gif "decorative")

        The [full photograph](../media/phone.jpg) and a plain [drawing](../media/plan.svg).
        """))
        try writeData("media/phone.jpg", Self.withEXIF(try LibVips.testPattern(width: 3000, height: 2000, format: .jpeg)))
        try writeData("media/alpha.png", try LibVips.testPattern(width: 800, height: 600, alpha: true, format: .png))
        try writeData("media/rule.gif", try LibVips.testPattern(width: 300, height: 20, format: .gif))
        try write("media/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>")
    }

    func project(image: String = "{src: media/phone.jpg, alt: \"Rows of crops seen from a drone\"}", body: String) -> String {
        """
        ---
        title: Farm
        summary: A farm.
        sectors: [agrifood]
        countries: [ES]
        call: Open Call 1 (2017)
        funding_eur: 1000
        partners:
          - {name: Farm S.L., country: ES}
        image: \(image)
        ---
        \(body)
        """
    }

    func write(_ path: String, _ text: String) throws { try writeData(path, Data(text.utf8)) }

    func writeData(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func build() -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: BuildTests.layouts, output: output))
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func size(_ path: String) throws -> (Int, Int) {
        let header = try LibVips.header(of: try Data(contentsOf: output.appendingPathComponent(path))).get()
        return (header.width, header.height)
    }

    /// A JPEG with an APP1 EXIF block after its SOI: orientation 6 (turn 90° clockwise to show)
    /// and a GPS latitude, as a phone writes them.
    static func withEXIF(_ jpeg: Data) -> Data {
        var tiff = Data("II*\0".utf8)
        func u16(_ value: Int) { tiff += withUnsafeBytes(of: UInt16(value).littleEndian) { Data($0) } }
        func u32(_ value: Int) { tiff += withUnsafeBytes(of: UInt32(value).littleEndian) { Data($0) } }
        u32(8)
        u16(2); u16(0x0112); u16(3); u32(1); u16(6); u16(0); u16(0x8825); u16(4); u32(1); u32(38); u32(0)
        u16(2); u16(0x0001); u16(2); u32(2); tiff += Data("N\0\0\0".utf8); u16(0x0002); u16(5); u32(3); u32(68); u32(0)
        for value in [40, 1, 25, 1, 0, 1] { u32(value) }
        let block = Data("Exif\0\0".utf8) + tiff
        let length = block.count + 2
        return jpeg.prefix(2) + Data([0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)]) + block + jpeg.dropFirst(2)
    }

    @Test func theFixturePhotoCarriesGPSAndARotation() throws {
        let phone = try Data(contentsOf: content.appendingPathComponent("media/phone.jpg"))
        let fields = try LibVips.metadataFields(of: phone).get()
        #expect(fields.contains("exif-data") && fields.contains("exif-ifd3-GPSLatitude") && fields.contains("orientation"))
        let header = try LibVips.header(of: phone).get()
        #expect(header.width == 2000 && header.height == 3000)
    }

    @Test func derivativesAreMadeAtTheirWidthsTurnedAndStripped() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        // Turned by the orientation tag: 3000 × 2000 stored, 2000 × 3000 shown.
        #expect(try size("media/phone-1600.jpg") == (1600, 2400))
        #expect(try size("media/phone-960.webp") == (960, 1440))
        #expect(try size("media/phone-480.jpg") == (480, 720))
        // Never enlarged: an 800-pixel PNG gets 480 and its own 800, with its alpha kept.
        #expect(try size("media/alpha-800.png") == (800, 600))
        #expect(try LibVips.header(of: Data(contentsOf: output.appendingPathComponent("media/alpha-480.webp"))).get().hasAlpha)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("media/alpha-960.png").path))
        #expect(try size("media/rule-300.gif") == (300, 20))
        // The originals are not published; the SVG is, as it is.
        for original in ["phone.jpg", "alpha.png", "rule.gif"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("media/\(original)").path))
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("media/plan.svg").path))
        // No file of the output or of the cache (the booklets' copies) holds any metadata.
        let cache = CacheFolder(output: output).folder("images")
        var checked = 0
        for (folder, path) in FileTree.files(in: output).map({ (output, $0) }) + FileTree.files(in: cache).map({ (cache, $0) })
        where RasterFormat(path: path) != nil {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let fields = try LibVips.metadataFields(of: data).get()
            #expect(!fields.contains { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0 == "orientation" }, "\(path): \(fields)")
            #expect(data.range(of: Data("Exif\0\0".utf8)) == nil, "\(path)")
            checked += 1
        }
        #expect(checked >= 17)
    }

    @Test func pagesUsePicturesWhoseSourcesAllExist() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try text("projects/farm.html")
        // The lead picture loads at once, the body's later; sizes are given so nothing jumps.
        #expect(page.contains("<source type=\"image/webp\" srcset=\"../media/phone-480.webp 480w, ../media/phone-960.webp 960w, ../media/phone-1600.webp 1600w\""))
        #expect(page.contains("src=\"../media/phone-1600.jpg\" srcset=\"../media/phone-480.jpg 480w, ../media/phone-960.jpg 960w, ../media/phone-1600.jpg 1600w\""))
        #expect(page.contains("width=\"1600\" height=\"2400\" alt=\"Rows of crops seen from a drone\" loading=\"eager\" decoding=\"async\""))
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"../media/alpha-480.webp 480w, ../media/alpha-800.webp 800w\""))
        #expect(page.contains("<img src=\"../media/alpha-800.png\" alt=\"A gradient from black to orange, standing for a field at dusk\" width=\"800\" height=\"600\" srcset=\"../media/alpha-480.png 480w, ../media/alpha-800.png 800w\" sizes=\"\(ImageSettings.bodySizes)\" loading=\"lazy\" decoding=\"async\" />"))
        #expect(page.contains("src=\"../media/rule-300.gif\" alt=\"\"") && !page.contains("title=\"decorative\""))
        // Cards show the project's picture at a card's width, loading late.
        let list = try text("projects/index.html")
        #expect(list.contains("<p class=\"card-image\"><picture><source type=\"image/webp\" srcset=\"../media/phone-480.webp 480w,"))
        #expect(list.contains("sizes=\"\(ImageSettings.cardSizes)\" width=\"1600\" height=\"2400\" alt=\"Rows of crops seen from a drone\" loading=\"lazy\""))
        // A link to the photograph leads to its stripped copy.
        #expect(page.contains("<a href=\"../media/phone-1600.jpg\">full photograph</a>"))
        // The link check of the build read every srcset: a missing copy fails it.
        #expect(LinkChecker.check(folder: output).isEmpty)
        try FileManager.default.removeItem(at: output.appendingPathComponent("media/alpha-800.webp"))
        #expect(Set(LinkChecker.check(folder: output).map(\.reference)) == ["../media/alpha-800.webp"])
    }

    @Test func aPhotoNamedInNFDIsReadWhereItIsAndPublishedOnlyAsCopies() throws {
        // macOS writes `é` as `e` + combining accent; the editor's link says `é`.
        try writeData("media/cafe\u{301}.jpg", Self.withEXIF(try LibVips.testPattern(width: 900, height: 600, format: .jpeg)))
        try write("projects/farm.md", project(body: "![The café by the field](../media/caf\u{E9}.jpg)\n"))
        let report = build()
        #expect(report.succeeded && report.imageWork.made == 2, "\(report.diagnostics.map(\.text))")
        let published = FileTree.files(in: output.appendingPathComponent("media"))
        #expect(!published.contains { $0.hasPrefix("caf\u{E9}") || $0.hasPrefix("cafe\u{301}") }, "\(published)")
        let copies = published.filter { $0.hasPrefix("caf-") }
        #expect(copies.count == 4, "480 and 600 wide (turned upright), JPEG and WebP: \(copies)")
        let page = try text("projects/farm.html")
        #expect(page.contains("alt=\"The café by the field\"") && page.contains("<picture>"))
        #expect(LinkChecker.check(folder: output).isEmpty)
    }

    @Test func editorsCannotWritePictureMarkupOnlyFolioMakesIt() throws {
        try write("projects/farm.md", project(body: """
        <picture><source type="image/webp" srcset="https://tracker.example/a.webp 1w"><img src="https://tracker.example/b.jpg" alt="x"></picture>

        Inline <source srcset="https://tracker.example/c.webp"> and <img src=x onerror=alert(1)> markup.

        ![A gradient from black to orange](../media/alpha.png)
        """))
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try text("projects/farm.html")
        // The body's raw markup is gone; the picture Folio made after the allow-list survives.
        #expect(!page.contains("tracker.example") && !page.contains("onerror"))
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"../media/alpha-480.webp 480w, ../media/alpha-800.webp 800w\""))
        #expect(page.components(separatedBy: "<source ").count - 1 == 2, "the lead picture's and the body's")
    }

    @Test func theEPUBCarriesOneStrippedCopyPerImage() throws {
        let report = build()
        #expect(report.succeeded)
        let set = ImageStage.run(try #require(Pipeline.check(contentFolder: content).content), cache: CacheFolder(output: output)).images
        let copy = try #require(set.bookletCopy(for: "media/phone.jpg"))
        #expect(copy.path == "media/phone.jpg" && copy.mediaType == "image/jpeg" && copy.width == 1400 && copy.height == 2100)
        #expect(set.bookletCopy(for: "media/alpha.png")?.mediaType == "image/png")
        #expect(set.bookletCopy(for: "media/plan.svg") == nil)
        let epub = try Data(contentsOf: output.appendingPathComponent("booklet/image-booklet.epub"))
        // The package names the copies; the originals' bytes (with their EXIF) are not in it.
        #expect(epub.range(of: Data("EPUB/media/phone.jpg".utf8)) != nil)
        #expect(epub.range(of: Data("EPUB/media/alpha.png".utf8)) != nil)
    }

    /// The EPUB's files by path.
    func epubFiles() throws -> [String: Data] {
        let archive = try Archive(data: try Data(contentsOf: output.appendingPathComponent("booklet/image-booklet.epub")), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    @Test func aPhotoCoverIsCarriedAsItsStrippedCopy() throws {
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try write("site.yaml", site.replacingOccurrences(of: "  date: 2019-05-31", with: "  date: 2019-05-31\n  cover: media/phone.jpg"))
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let files = try epubFiles()
        let package = String(decoding: try #require(files["EPUB/package.opf"]), as: UTF8.self)
        #expect(package.contains("href=\"media/phone.jpg\" media-type=\"image/jpeg\" properties=\"cover-image\""))
        let cover = try #require(files["EPUB/media/phone.jpg"])
        let header = try LibVips.header(of: cover).get()
        #expect(header.width == 1400 && header.height == 2100)
        // Nothing in the book keeps any metadata.
        for (path, data) in files where RasterFormat(path: path) != nil {
            #expect(try LibVips.metadataFields(of: data).get().allSatisfy { !$0.hasPrefix("exif") && !$0.hasPrefix("xmp") }, "\(path)")
        }
        #expect(try text("booklet/edition.html").contains("src=\"../media/phone-1600.jpg\""))
        try EPUBCheck.expectClean(output.appendingPathComponent("booklet/image-booklet.epub"))
    }

    @Test func thePDFShowsTheStrippedCopiesNeverAnOriginal() throws {
        let report = build()
        #expect(report.succeeded && report.pdfPages > 0, "\(report.diagnostics.map(\.text))")
        // Typst reads only what Folio laid out beside the template: the booklet copies.
        let laidOut = CacheFolder(output: output).folder("pdf").appendingPathComponent("media")
        #expect(Set(FileTree.files(in: laidOut)) == ["alpha.png", "phone.jpg", "rule.png"])
        for name in ["alpha.png", "phone.jpg", "rule.png"] {
            let fields = try LibVips.metadataFields(of: Data(contentsOf: laidOut.appendingPathComponent(name))).get()
            #expect(!fields.contains { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0 == "orientation" }, "\(name): \(fields)")
        }
        let pdf = try #require(FileTree.files(in: output.appendingPathComponent("booklet")).first { $0.hasSuffix(".pdf") })
        let pdfURL = output.appendingPathComponent("booklet").appendingPathComponent(pdf)
        #expect(try Data(contentsOf: pdfURL).range(of: Data("Exif\0\0".utf8)) == nil)
        // The project's own photograph leads its chapter, upright at the booklet copy's size.
        let sizes = try PDFEditionTests.run("pdfimages", ["-list", pdfURL.path]).split(separator: "\n").dropFirst(2).compactMap { line -> String? in
            let columns = line.split(separator: " ")
            return columns.count > 4 && columns[2] == "image" ? "\(columns[3])x\(columns[4])" : nil
        }
        #expect(Set(sizes).isSuperset(of: ["1400x2100", "800x600", "300x20"]), "\(sizes)")
        #expect(!sizes.contains("3000x2000") && !sizes.contains("2000x3000"))
    }

    @Test func aRebuildWithUnchangedImagesDoesNoImageWork() throws {
        let first = build()
        #expect(first.succeeded && first.imageWork.made == 3 && first.imageWork.reused == 0)
        let second = build()
        print("images, first build:", first.stageTimes.summary)
        print("images, rebuild:", second.stageTimes.summary)
        #expect(second.succeeded && second.imageWork.made == 0 && second.imageWork.reused == 3)
        #expect(second.stageTimes.stages.contains { $0.name == "images (0 made, 3 from the cache)" })
        // A changed original is made again, alone.
        try writeData("media/alpha.png", try LibVips.testPattern(width: 700, height: 600, alpha: true, format: .png))
        let third = build()
        #expect(third.imageWork.made == 1 && third.imageWork.reused == 2)
        #expect(try size("media/alpha-700.png") == (700, 600))
    }

    @Test func twoNamesForTheSameBytesShareOneCacheEntry() throws {
        try writeData("media/rule.gif", try Data(contentsOf: content.appendingPathComponent("media/alpha.png")))
        try write("projects/farm.md", project(body: "![A](../media/alpha.png)\n\n![B](../media/copy.png)"))
        try writeData("media/copy.png", try Data(contentsOf: content.appendingPathComponent("media/alpha.png")))
        try FileManager.default.removeItem(at: content.appendingPathComponent("media/rule.gif"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("media/plan.svg"))
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        #expect(try size("media/copy-800.png") == (800, 600) && (try size("media/alpha-800.png")) == (800, 600))
        // The two names are processed at once: the second may find the first's entry made
        // already (reused) or make the same one again, whichever the threads do first.
        #expect(report.imageWork.made + report.imageWork.reused == 3 && report.imageWork.made >= 2)
        #expect(build().imageWork.reused == 3)
    }

    @Test func aDamagedImageIsAnErrorAtTheLineThatUsesIt() throws {
        let good = try Data(contentsOf: content.appendingPathComponent("media/alpha.png"))
        try writeData("media/alpha.png", good.prefix(good.count / 2))
        let report = build()
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].location.file.hasSuffix("projects/farm.md") && errors[0].location.line == 14)
        #expect(errors.first?.message.contains("media/alpha.png") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aTruncatedJPEGAndBytesThatAreNoImageAreErrorsNotCrashes() throws {
        let phone = try Data(contentsOf: content.appendingPathComponent("media/phone.jpg"))
        try writeData("media/phone.jpg", phone.prefix(phone.count * 2 / 3))
        try writeData("media/alpha.png", Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 * 7919) }))
        let errors = build().diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location.line == 10 && $0.message.contains("'media/phone.jpg' is damaged") })
        #expect(errors.contains { $0.location.line == 14 && $0.message.contains("'media/alpha.png' is not an image Folio can read") })
    }

    @Test func anImageThatIsNotWhatItsNameSaysIsAnError() throws {
        try writeData("media/alpha.png", try LibVips.testPattern(width: 200, height: 100, format: .jpeg))
        try writeData("media/rule.gif", Data("GIF89a but not really".utf8))
        let errors = build().diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location.line == 14 && $0.message.contains("is not a PNG image: its bytes are a JPEG; rename it to alpha.jpg") })
        #expect(errors.contains { $0.location.line == 16 && $0.message.contains("media/rule.gif") })
    }

    /// `folio check` reads the headers: what they show is reported as the build reports it,
    /// and nothing is written.
    @Test func checkingTheContentFindsWhatTheHeadersShow() throws {
        try writeData("media/alpha.png", try LibVips.testPattern(width: 200, height: 100, format: .jpeg))
        try writeData("media/rule.gif", Data("GIF89a but not really".utf8))
        let checked = Pipeline.check(contentFolder: content)
        #expect(!checked.diagnostics.hasErrors)
        let errors = Pipeline.checkImages(try #require(checked.content), contentFolder: content)
        #expect(errors.count == 2, "\(errors.map(\.text))")
        #expect(errors.contains { $0.location.line == 14 && $0.message.contains("is not a PNG image: its bytes are a JPEG; rename it to alpha.jpg") })
        #expect(errors.contains { $0.location.line == 16 && $0.message.contains("'media/rule.gif' is not an image Folio can read") })
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: CacheFolder(output: output).root.path))
    }

    @Test func checkingTheContentPassesItsGoodImages() throws {
        let checked = Pipeline.check(contentFolder: content)
        #expect(Pipeline.checkImages(try #require(checked.content), contentFolder: content).isEmpty)
    }

    @Test func limitsRefuseHugeOriginals() throws {
        try writeData("media/alpha.png", try LibVips.testPattern(width: 8000, height: 5001, format: .png))
        let errors = build().diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].message.contains("megapixels") && errors[0].location.line == 14)
    }

    @Test func everyPictureIsDescribed() throws {
        try write("projects/farm.md", project(image: "media/phone.jpg", body: """
        ![](../media/alpha.png)

        ![\(String(repeating: "long ", count: 60))](../media/rule.gif)
        """))
        try write("media/unused.pdf", "%PDF-1.4")
        let report = build()
        let lines = report.diagnostics.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line):\($0.location.column): \($0.severity.rawValue)" }
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.line == 12 && $0.location.column == 1 && $0.message.contains("describe what the picture shows; it is read aloud to blind readers") }, "\(lines)")
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.location.line == 14 && $0.message.contains("characters long") })
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.location.line == 10 && $0.message.contains("the title stands in") })
        let unused = report.diagnostics.filter { $0.message.contains("used by no page") }
        #expect(unused.count == 1 && unused[0].message.contains("media/plan.svg, media/unused.pdf"))
        #expect(!report.succeeded)
    }

    @Test func aFrontMatterImageMapNeedsItsAlt() throws {
        try write("projects/farm.md", project(image: "{src: media/phone.jpg}", body: "Text."))
        let report = build()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.line == 10 && $0.message.contains("needs an 'alt'") })
    }
}

/// Published names of the copies: safe in a `srcset`, never shared by two originals.
@Suite struct DerivativeNamesTests {
    @Test func namesAreSafeInASrcsetAndUnique() {
        let originals = ["media/farm.jpg", "media/farm.png", "media/Team photo, 2018.jpg", "media/a/b.webp", "media/solo.gif"]
        let names = DerivativeNames(originals: originals)
        #expect(names.path(of: "media/solo.gif", width: 480, format: .webp) == "media/solo-480.webp")
        #expect(names.path(of: "media/a/b.webp", width: 960, format: .jpeg) == "media/a/b-960.jpg")
        let team = names.path(of: "media/Team photo, 2018.jpg", width: 480, format: .jpeg)
        #expect(team.hasPrefix("media/Team-photo--2018-") && !team.contains(" ") && !team.contains(","))
        let farms = [names.path(of: "media/farm.jpg", width: 480, format: .webp), names.path(of: "media/farm.png", width: 480, format: .webp)]
        #expect(Set(farms).count == 2 && farms.allSatisfy { $0.hasPrefix("media/farm-") })
        #expect(names.bookletPath(of: "media/solo.gif", format: .png) == "media/solo.png")
        #expect(PageLinks.candidates(of: "a.jpg 480w, b%20c.jpg 960w,d.jpg") == ["a.jpg", "b%20c.jpg", "d.jpg"])
    }
}
