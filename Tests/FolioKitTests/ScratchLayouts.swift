import Foundation

/// A copy of the real `Layouts/` in a temporary folder, for tests that make one mistake in it.
struct ScratchLayouts {
    private let scratch = TemporaryFolder("folio-layouts")
    var url: URL { scratch.url.appendingPathComponent("Layouts") }

    init() throws {
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuildTests.layouts, to: url)
    }
}
