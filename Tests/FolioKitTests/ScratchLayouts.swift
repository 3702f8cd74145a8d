import Foundation

/// A copy of the real `Layouts/` in a temporary folder, for tests that make one mistake in it.
struct ScratchLayouts {
    private let scratch = TemporaryFolder("folio-layouts")
    var url: URL { scratch.url.appendingPathComponent("Layouts") }

    init() throws {
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuildTests.layouts, to: url)
    }

    /// Puts on every page a link whose written form the templates do not follow (a character
    /// reference), so that every page is read for its links as libxml2 reads it.
    func makeEveryPageRead() throws {
        let base = url.appendingPathComponent("base.mustache")
        let text = try String(contentsOf: base, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<a href=\"{{root}}index.html?a=1&amp;b=2\">home</a>\n</body>")
            .write(to: base, atomically: true, encoding: .utf8)
    }
}
