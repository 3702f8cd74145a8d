import Testing
@testable import FolioKit

/// cmark-gfm adds its extensions' special characters (`~`, `:`, `w`) to a global table while a
/// document's inlines are parsed and removes them afterwards, so parses on several threads at
/// once lose strikethrough and autolinks unless they take turns. Content is loaded in parallel.
@Test func parallelParsesKeepExtensions() {
    let bodies = (0..<400).map { "Item \($0): ~~gone~~ and https://example.org/\($0) and www.example.com" }
    let html = bodies.concurrentMap { MarkdownParser.parse($0, file: "p.md", firstLine: 1).html }
    for (index, text) in html.enumerated() {
        #expect(text.contains("<del>gone</del>") && text.contains("href=\"https://example.org/\(index)\""), "\(text)")
    }
}
