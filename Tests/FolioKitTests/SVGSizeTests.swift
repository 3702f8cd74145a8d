import Foundation
import Testing
@testable import FolioKit

/// A drawing's `<img>` gets the size the SVG asks for, so that the page does not jump when it arrives.
@Suite struct SVGSizeTests {
    private func size(_ root: String) -> [Int]? {
        SVGSize.of(Data("<svg xmlns=\"http://www.w3.org/2000/svg\" \(root)><rect width=\"1\" height=\"1\"/></svg>".utf8)).map { [$0.width, $0.height] }
    }

    @Test func readsWidthAndHeightOrTheViewBox() {
        #expect(size("width=\"640\" height=\"360\"") == [640, 360])
        #expect(size("width=\"640px\" height=\" 359.6px \"") == [640, 360])
        #expect(size("viewBox=\"0 0 300 150\"") == [300, 150])
        #expect(size("viewBox=\"-10,-10,  80,40\"") == [80, 40])
        #expect(size("width=\"600\" viewBox=\"0 0 300 150\"") == [600, 300])
        #expect(size("height=\"50\" viewBox=\"0 0 300 150\"") == [100, 50])
    }

    @Test func givesNoSizeWhereTheFileGivesNoneInPixels() {
        #expect(size("") == nil)
        #expect(size("width=\"100%\" height=\"50%\"") == nil)
        #expect(size("width=\"10em\"") == nil)
        #expect(size("viewBox=\"0 0 0 10\"") == nil)
        #expect(size("viewBox=\"0 0 nan 10\"") == nil)
        #expect(size("viewBox=\"0 0 wide 300 150\"") == nil)
        #expect(size("viewBox=\"0 inf 300 150\"") == nil)
        #expect(size("width=\"1e9\" height=\"1\"") == nil)
        #expect(size("width=\"-5\" height=\"5\"") == nil)
        #expect(SVGSize.of(Data("<svg width=\"10\"".utf8)) == nil)
        #expect(SVGSize.of(Data("<html width=\"10\" height=\"10\"/>".utf8)) == nil)
    }

    @Test func aDrawingInABodyHasItsSize() throws {
        let fixture = try BuildTests()
        try fixture.write("media/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\"><title>Plan</title></svg>")
        let project = fixture.content.appendingPathComponent("projects/field-drone.md")
        let text = try String(contentsOf: project, encoding: .utf8)
        try (text + "\n![The plan of the field](../media/plan.svg)\n").write(to: project, atomically: true, encoding: .utf8)
        let report = fixture.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try String(contentsOf: fixture.output.appendingPathComponent("projects/field-drone.html"), encoding: .utf8)
        #expect(page.contains("src=\"../media/plan.svg\" alt=\"The plan of the field\" width=\"400\" height=\"200\""), "\(page)")
    }
}
