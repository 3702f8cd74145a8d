import Foundation
import Testing
@testable import FolioKit

/// The check stage on pages held in memory, as the build runs it before writing anything.
@Suite struct LinkCheckerTests {
    func problems(_ pages: [String: String], files: [String] = []) -> [String: String] {
        let list = pages.keys.sorted().map { (path: $0, html: Data(pages[$0]!.utf8)) }
        let found = LinkChecker.check(pages: list, files: Set(pages.keys).union(files))
        return Dictionary(found.map { ($0.reference, $0.message) }) { first, _ in first }
    }

    @Test func acceptsWorkingLinksAndAnchors() {
        let found = problems([
            "index.html": ##"<p id="top"><a href="projects/a.html#results">a</a> <a href="#top">up</a> <img src="media/x.svg" alt=""></p>"##,
            "projects/a.html": ##"<h2 id="results">R</h2><a name="old">o</a><a href="../index.html#top">home</a><a href="a.html#old">self</a>"##,
        ], files: ["media/x.svg"])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func reportsEachKindOfBrokenLink() {
        let found = problems([
            "index.html": """
            <link rel="stylesheet" href="https://cdn.example.com/x.css">
            <a href="projects/">folder</a> <a href="missing.html">missing</a> <a href="/abs.html">absolute</a>
            <a href="projects/a.html#nowhere">anchor</a> <a href="../up.html">outside</a>
            <a href="https://example.org/">fine</a> <a href="mailto:a@example.org">fine</a>
            """,
            "projects/index.html": "<p>list</p>",
            "projects/a.html": "<p>a</p>",
        ])
        #expect(found["https://cdn.example.com/x.css"]?.contains("another host") == true)
        #expect(found["projects/"]?.contains("names a folder") == true)
        #expect(found["missing.html"]?.contains("does not exist") == true)
        #expect(found["/abs.html"]?.contains("absolute") == true)
        #expect(found["projects/a.html#nowhere"]?.contains("no element with id 'nowhere'") == true)
        #expect(found["../up.html"]?.contains("outside the site") == true)
        #expect(found["https://example.org/"] == nil && found["mailto:a@example.org"] == nil)
    }

    @Test func sameReferenceIsJudgedPerPageFolder() {
        // One verdict per folder: the same href is fine from one folder and broken from another.
        let pages = ["a/one.html": #"<a href="../b/two.html">x</a>"#, "a/three.html": #"<a href="../b/two.html">x</a>"#,
                     "b/two.html": #"<a href="../b/two.html">x</a>"#, "c.html": #"<a href="../b/two.html">x</a>"#]
        let list = pages.keys.sorted().map { (path: $0, html: Data(pages[$0]!.utf8)) }
        let found = LinkChecker.check(pages: list, files: Set(pages.keys))
        #expect(found.map(\.page) == ["c.html"])
    }
}
