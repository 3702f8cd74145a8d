import Foundation
import FoundationXML
import Testing
import ZIPFoundation
@testable import FolioKit

/// Opens the EPUB of the real Content/ and checks its structure, metadata and chapters.
@Suite struct BookletTests {
    static let repository = BuildTests.repository
    private let scratch = TemporaryFolder("folio-booklet")
    var output: URL { scratch.url }

    func buildEPUB(environment epoch: String? = nil) throws -> (archive: Archive, data: Data) {
        let report = Pipeline.build(.init(content: Self.repository.appendingPathComponent("Content"),
                                          layouts: BuildTests.layouts, output: output, sourceDateEpoch: epoch))
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let booklet = output.appendingPathComponent("booklet")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: booklet.path).first { $0.hasSuffix(".epub") })
        let data = try Data(contentsOf: booklet.appendingPathComponent(name))
        return (try Archive(data: data, accessMode: .read), data)
    }

    func text(_ path: String, in archive: Archive) throws -> String {
        let entry = try #require(archive[path], "missing \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func structureMetadataAndChapters() throws {
        let (archive, data) = try buildEPUB()
        let first = try #require(Array(archive).first)
        #expect(first.path == "mimetype")
        #expect(first.type == .file && data[30..<38] == Data("mimetype".utf8), "mimetype must be the first local header")
        #expect(data[8] == 0 && data[9] == 0, "mimetype must be stored, not compressed")
        #expect(try text("mimetype", in: archive) == "application/epub+zip")
        #expect(try text("META-INF/container.xml", in: archive).contains("EPUB/package.opf"))

        let package = try text("EPUB/package.opf", in: archive)
        for needle in ["<meta property=\"dcterms:modified\">2019-05-31T00:00:00Z</meta>", "urn:uuid:", "<dc:language>en</dc:language>",
                       "schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                       "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo", "properties=\"nav\""] {
            #expect(package.contains(needle), "package.opf lacks \(needle)")
        }
        let slugs = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Content/projects").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter { !$0.contains(".") }
        #expect(slugs.count == 50)
        for slug in slugs {
            let chapter = try text("EPUB/chapters/\(slug).xhtml", in: archive)
            #expect(XMLParser(data: Data(chapter.utf8)).parse(), "chapter \(slug) is not well-formed")
            #expect(package.contains("href=\"chapters/\(slug).xhtml\""))
        }
        let nav = try text("EPUB/nav.xhtml", in: archive)
        #expect(nav.contains("epub:type=\"toc\"") && nav.contains("epub:type=\"landmarks\""))
        #expect(try text("EPUB/toc.ncx", in: archive).contains("<navMap>"))
        #expect(nav.contains("calls/") && nav.contains("epub:type=\"cover\""))

        let booklet = output.appendingPathComponent("booklet")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: booklet.path).first { $0.hasSuffix(".epub") })
        try EPUBCheck.expectClean(booklet.appendingPathComponent(name))
    }

    @Test func sourceDateEpochSetsModifiedAndRebuildsAreIdentical() throws {
        let first = try buildEPUB(environment: "1700000000").data
        let second = try buildEPUB(environment: "1700000000").data
        #expect(first == second)
        let archive = try Archive(data: first, accessMode: .read)
        #expect(try text("EPUB/package.opf", in: archive).contains("2023-11-14T22:13:20Z"))
    }

    @Test func drawnCoverWhenNoneIsGiven() {
        let svg = CoverSVG.render(title: "A & B programme booklet with a long title", subtitle: "Sub", colours: ["#111111", "#222222"])
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("A &amp; B") && svg.contains("#222222"))
    }
}
