import Foundation
import Testing
import ZIPFoundation
@testable import FolioKit

/// Bodies an editor wrote carelessly or with intent (issue 17): each case once through the parser
/// and rewriter, and the ones whose failure showed in a build through a whole build.
@Suite struct MarkdownHardeningTests {
    static func rewritten(_ markdown: String, idPrefix: String = "") -> String {
        let document = MarkdownParser.parse(markdown, file: "projects/a.md", firstLine: 1)
        return HTMLRewriter(idPrefix: idPrefix, footnoteBackLabel: "Back") { _, _ in .keep }.rewrite(document)
    }

    @Test func textThatLooksLikeMarkupStaysText() {
        let markdown = """
        ![A field data-footnote onerror=alert(document.domain) x](../media/field.png "t data-footnote onload=alert(2) y")

        [a link](x.md "data-footnotes onclick=alert(3)") and data-footnote-ref text[^1].

        [^1]: A note with data-footnote-backref onmouseover=alert(4) in it.
        """
        let html = Self.rewritten(markdown)
        #expect(BodyInvariants.violations(of: html).isEmpty, "\(BodyInvariants.violations(of: html)): \(html)")
        let image = BodyInvariants.elements(named: "img", in: html).first
        #expect(image?["alt"] == "A field data-footnote onerror=alert(document.domain) x")
        #expect(image?["title"] == "t data-footnote onload=alert(2) y")
        #expect(image?.count == 3)
        let links = BodyInvariants.elements(named: "a", in: html)
        #expect(links.first?["title"] == "data-footnotes onclick=alert(3)")
        // cmark's own footnote attributes are still there, with values, on the elements it made.
        #expect(links.contains { $0["data-footnote-ref"] == "" && $0["href"] == "#fn-1" })
        #expect(links.contains { $0["data-footnote-backref"] == "" && $0["href"] == "#fnref-1" })
        #expect(BodyInvariants.elements(named: "section", in: html).first?["data-footnotes"] == "")
    }

    /// cmark never writes these; if a bug in it or in an extension ever did, the allow-list would
    /// still keep them out of every output.
    @Test func theAllowListCleansWhatCmarkShouldNeverWrite() {
        let html = CleanedBody.tree(fromCmarkHTML: """
        <p onclick="x()" class="c">A<script>alert(1)</script><span style="color:red">span</span>
        <a href=" JaVa&#x09;Script:alert(1)">link</a> <a href="https://example.org" onmouseover="x()">ok</a>
        <img src="data:image/png;base64,AAAA" alt="pixel"> <img src="../media/a.png" alt="kept" onerror="x()">
        <iframe src="https://example.org"></iframe><style>*{}</style><svg><script>x</script></svg></p>
        <table><tr><td style="text-align: center">c</td><td style="background:url(javascript:x)">d</td></tr></table>
        <input type="text" value="x"><input type="checkbox" disabled="">
        """, headingIDs: []).xhtml
        #expect(BodyInvariants.violations(of: html).isEmpty, "\(BodyInvariants.violations(of: html)): \(html)")
        for gone in ["script", "alert", "iframe", "style=\"color", "<span", "class=\"c\"", "onclick", "onmouseover", "onerror", "data:", "background", "type=\"text\""] {
            #expect(!html.contains(gone), "'\(gone)' left in \(html)")
        }
        for kept in ["A", "link", "<a href=\"https://example.org\">ok</a>", "pixel", "alt=\"kept\"", "text-align: center", "type=\"checkbox\""] {
            #expect(html.contains(kept), "'\(kept)' lost from \(html)")
        }
    }

    /// A few bytes that would make megabytes: short rows filled up to a wide table's columns,
    /// one footnote referred to thousands of times, or simply very many parts.
    @Test func bodiesThatWouldExplodeAreOneErrorAtTheLineWhereTheyDo() {
        let columns = BodyLimits.tableColumns
        let wideTable = "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "a\n", count: 1_000)
        let rowsToBreak = (BodyLimits.tableCells - 2 * columns) / columns + 1
        let cases = [
            (wideTable, 2 + rowsToBreak, "cells"),
            (String(repeating: "[^1] ", count: TreeLimits.footnoteReferences + 1) + "\n\n[^1]: x", 1, "footnote references"),
            (String(repeating: "*a* *b*\n", count: 20_000), TreeLimits.nodes / 6 + 1, "\(TreeLimits.nodes)"),
        ]
        for (body, line, words) in cases {
            let log = DiagnosticLog()
            let document = MarkdownParser.parse(body, file: "projects/a.md", firstLine: 1, log: log)
            #expect(log.diagnostics.count == 1)
            #expect(log.diagnostics.first?.message.contains(words) == true, "\(log.diagnostics.map(\.text))")
            // The node count reaches its limit within a line of where the arithmetic says.
            #expect(abs((log.diagnostics.first?.location.line ?? 0) - line) <= 1, "\(log.diagnostics.map(\.location.line)) not \(line)")
            #expect(document.html.isEmpty)
        }
        // A large but ordinary table, and a table followed by text, are published.
        let ordinary = "|" + String(repeating: " h |", count: 20) + "\n|" + String(repeating: "---|", count: 20) + "\n"
            + String(repeating: "|" + String(repeating: " c |", count: 20) + "\n", count: 500) + "\nAfter.\n"
        let log = DiagnosticLog()
        let document = MarkdownParser.parse(ordinary + ordinary, file: "projects/a.md", firstLine: 1, log: log)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.text))")
        #expect(BodyInvariants.elements(named: "td", in: document.html).count == 2 * 500 * 20)
    }

    @Test func footnoteLabelsWithAccentsQuotesAndBracketsGiveMatchingIDs() {
        let html = Self.rewritten("""
        A[^café] b[^a"b] c[^x<y>] d[^plain-1] e[^50%] f[^a%41] g[^aA].

        [^café]: one
        [^a"b]: two
        [^x<y>]: three
        [^plain-1]: four
        [^50%]: five
        [^a%41]: six
        [^aA]: seven
        """, idPrefix: "p--")
        #expect(BodyInvariants.violations(of: html).isEmpty, "\(html)")
        let ids = (BodyInvariants.elements(named: "li", in: html) + BodyInvariants.elements(named: "a", in: html)).compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(ids.contains("p--fn-café") && ids.contains("p--fn-a\"b") && ids.contains("p--fn-x<y>") && ids.contains("p--fn-plain-1"))
        // Every same-document link finds its element the way browsers and the link check look.
        for href in BodyInvariants.elements(named: "a", in: html).compactMap({ $0["href"] }) {
            let fragment = String(href.dropFirst())
            #expect(ids.contains(fragment.removingPercentEncoding ?? fragment), "\(href) finds no id in \(ids)")
            #expect(!fragment.contains { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == " " }, "\(href) is not a valid URL")
        }
        // Labels that need no decoding keep cmark's ids, byte for byte.
        #expect(html.contains("href=\"#p--fn-plain-1\""))
    }

    @Test func aHeadingNamedLikeAFootnoteKeepsIDsUnique() {
        let html = Self.rewritten("## fn 1\n\nText[^1] and [back](#fn-1).\n\n[^1]: The note.")
        let ids = ["h2", "li", "a"].flatMap { BodyInvariants.elements(named: $0, in: html) }.compactMap { $0["id"] }
        #expect(ids.contains("fn-1"))
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        let footnoteLink = BodyInvariants.elements(named: "a", in: html).first { $0["data-footnote-ref"] != nil }
        #expect(footnoteLink?["href"].map { ids.contains(String($0.dropFirst())) } == true)
        #expect(footnoteLink?["href"] != "#fn-1")
        // The editor's link still leads to the heading.
        #expect(BodyInvariants.elements(named: "h2", in: html).first?["id"] == "fn-1")
        #expect(BodyInvariants.elements(named: "a", in: html).contains { $0["href"] == "#fn-1" && $0["data-footnote-ref"] == nil })
    }

    @Test func verticalTabsAndOtherControlCharactersAreSpaces() {
        let html = Self.rewritten("Line\u{B}break, form\u{C}feed, bell\u{7}char, entity&#11;tab, nel\u{85}next, `co\u{B}de`.\n\n[li\u{1}nk](x.md \"ti&#1;tle\")")
        #expect(BodyInvariants.violations(of: html).isEmpty, "\(html)")
        for words in ["Line break", "form feed", "bell char", "entity tab", "nel next", "co de", "li nk"] {
            #expect(html.contains(words), "'\(words)' glued or lost in \(html)")
        }
        #expect(BodyInvariants.elements(named: "a", in: html).first?["title"] == "ti tle")
        let document = MarkdownParser.parse("Line\u{B}break", file: "projects/a.md", firstLine: 1)
        #expect(document.plainText == "Line break")
    }

    @Test func taskListBoxesAreNamedByTheirItem() {
        let html = Self.rewritten("- [x] flown over *the* field\n- [ ] sold[^1]\n  - [ ] nested one\n\n1. [x] loose\n\n2. [ ] items\n\n[^1]: To whom.")
        #expect(BodyInvariants.violations(of: html).isEmpty, "\(html)")
        let boxes = BodyInvariants.elements(named: "input", in: html)
        #expect(boxes.map { $0["aria-label"] } == ["flown over the field", "sold", "nested one", "loose", "items"])
        #expect(boxes.map { $0["checked"] != nil } == [true, false, false, true, false])
        #expect(boxes.allSatisfy { $0["disabled"] != nil && $0["type"] == "checkbox" })
    }

    @Test func searchTextHasOneSpaceBetweenWords() {
        let document = MarkdownParser.parse("""
        ## Solution

        See [a related project](b.md#results). It *really* works,
        across `lines`.

        - one
        - two

        | a | b |
        |---|---|
        | 1 | 2 |
        """, file: "projects/a.md", firstLine: 1)
        #expect(document.plainText == "Solution See a related project. It really works, across lines. one two a b 1 2")
    }

    @Test func nestingDeeperThanTheLimitIsOneErrorAtItsLine() {
        let quotes = String(repeating: ">", count: 3000) + " deep"
        let lists = String(repeating: "- ", count: 2000) + "deep"
        let emphasis = String(repeating: "*a ", count: 1500) + "x" + String(repeating: " a*", count: 1500)
        for deep in [quotes, lists, emphasis] {
            let log = DiagnosticLog()
            let document = MarkdownParser.parse("Intro.\n\nMore.\n\n" + deep + "\n", file: "projects/a.md", firstLine: 12, log: log)
            #expect(log.diagnostics.count == 1)
            let error = log.diagnostics.first
            #expect(error?.severity == .error)
            #expect(error?.location.file == "projects/a.md")
            #expect(error?.location.line == 16)
            #expect(error?.message.contains("\(TreeLimits.depth)") == true, "\(error?.message ?? "")")
            #expect(document.html.isEmpty)
        }
        let log = DiagnosticLog()
        let allowed = MarkdownParser.parse(String(repeating: "> ", count: TreeLimits.depth - 2) + "fine", file: "projects/a.md", firstLine: 1, log: log)
        #expect(log.diagnostics.isEmpty)
        let html = HTMLRewriter { _, _ in .keep }.rewrite(allowed)
        #expect(BodyInvariants.violations(of: html).isEmpty)
        #expect(html.contains("fine"))
    }

    /// Inputs whose parse time grows with the square of their length in cmark-gfm 0.29.0.gfm.6
    /// (seconds to minutes at 1 MB) are one error at their line, before cmark sees them.
    @Test func quadraticInputsAreRefusedAtTheirLine() {
        let wideRow = "|" + String(repeating: "a|", count: BodyLimits.tableColumns + 1)
        let cases = [
            (wideRow + "\n" + wideRow.replacingOccurrences(of: "a", with: "-"), "\(BodyLimits.tableColumns) columns"),
            ("See www.example.com" + String(repeating: ")", count: 100_000), "')'"),
            (String(repeating: "a@", count: 100_000), "'@'"),
        ]
        for (body, words) in cases {
            let log = DiagnosticLog()
            let started = Date()
            let document = MarkdownParser.parse("Intro.\n\n" + body, file: "projects/a.md", firstLine: 5, log: log)
            print("refused \(body.utf8.count) bytes in \(Date().timeIntervalSince(started)) s")
            #expect(log.diagnostics.map(\.location.line) == [7])
            #expect(log.diagnostics.first?.message.contains(words) == true, "\(log.diagnostics.map(\.text))")
            #expect(document.html.isEmpty)
        }
        // At the limits, and with escaped '|', bodies are published.
        let widest = "|" + String(repeating: "a|", count: BodyLimits.tableColumns)
        let allowed = [
            widest + "\n" + widest.replacingOccurrences(of: "a", with: "-") + "\n" + widest,
            "| a \\| b |" + String(repeating: "\\|", count: 300) + "\n|---|",
            "www.example.com/a_(b)" + String(repeating: ")", count: BodyLimits.closingParenthesesPerWord - 1),
            "a@b.example " + String(repeating: "x@", count: BodyLimits.atSignsPerWord),
        ]
        for body in allowed {
            let log = DiagnosticLog()
            let document = MarkdownParser.parse(body, file: "projects/a.md", firstLine: 1, log: log)
            #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.text))")
            #expect(!document.html.isEmpty)
        }
        let table = MarkdownParser.parse(allowed[0], file: "projects/a.md", firstLine: 1)
        #expect(BodyInvariants.elements(named: "th", in: table.html).count == BodyLimits.tableColumns)
    }
}

/// The same cases through a whole build, where their failures showed: errors at the content
/// file, never at a layout, and nothing after them.
@Suite struct MarkdownHardeningBuildTests {
    private let scratch = TemporaryFolder("folio-md-hardening")
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var output: URL { scratch.url.appendingPathComponent("Output") }

    init() throws {
        try write("site.yaml", """
        title: Demo Programme
        language: en
        funding_notice: Funded by the European Union.
        sectors:
          ict: {name: ICT, colour: "#5b3a99"}
        booklet:
          title: Demo booklet
          identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
          date: 2019-05-31
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func project(body: String) throws {
        try write("projects/deep.md", """
        ---
        title: Deep
        summary: A project.
        sectors: [ict]
        countries: [PT]
        call: Open Call 1
        funding_eur: 1000
        partners: [{name: A, country: PT}]
        ---
        \(body)
        """)
    }

    func build() -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: BuildTests.layouts, output: output))
    }

    /// A word processor's line break reaches the front matter too, as a YAML escape (raw, YAML refuses it): it is
    /// a space in every output, never a glued word or a control character in XML.
    @Test func controlCharactersInFrontMatterAreSpaces() throws {
        try write("projects/deep.md", "---\ntitle: \"Drones\\vover\\ffields\"\nsummary: \"Sensors\\vand\\fsoftware.\"\n"
            + "sectors: [ict]\ncountries: [PT]\ncall: Open Call 1\nfunding_eur: 1000\npartners: [{name: \"A\\vB\", country: PT}]\n---\nBody.\n")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try String(contentsOf: output.appendingPathComponent("projects/deep.html"), encoding: .utf8)
        for words in ["Drones over fields", "Sensors and software.", "A B"] {
            #expect(page.contains(words), "'\(words)' glued or lost")
        }
        #expect(!page.unicodeScalars.contains { ControlCharacters.isControl($0) })
    }

    @Test func footnoteLabelsWithAccentsBuild() throws {
        try project(body: "A[^café] b[^a\"b] c[^x<y>].\n\n[^café]: one\n[^a\"b]: two\n[^x<y>]: three\n")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map { "\($0.location.file):\($0.location.line): \($0.text)" })")
        #expect(!report.diagnostics.contains { $0.location.file.contains("Layouts") })
        let page = try String(contentsOf: output.appendingPathComponent("projects/deep.html"), encoding: .utf8)
        #expect(page.contains("id=\"fn-café\""))
    }

    /// The issue's own case: the alt text became a live `onerror` on the project page, the
    /// single-page booklet and the EPUB chapter.
    @Test func hostileTextStaysTextInEveryOutput() throws {
        try write("media/field.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>")
        try project(body: """
        ![A field data-footnote onerror=alert(document.domain) x](../media/field.svg "t data-footnote onload=y")

        Pasted\u{B}text[^1].

        - [x] flown

        [^1]: A note.
        """)
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let epub = try Archive(url: output.appendingPathComponent("booklet/demo-booklet.epub"), accessMode: .read)
        var chapter = Data()
        _ = try epub.extract(try #require(epub["EPUB/chapters/deep.xhtml"])) { chapter.append($0) }
        let pages = [try String(contentsOf: output.appendingPathComponent("projects/deep.html"), encoding: .utf8),
                     try String(contentsOf: output.appendingPathComponent("booklet/edition.html"), encoding: .utf8),
                     String(decoding: chapter, as: UTF8.self)]
        for page in pages {
            #expect(!page.contains("onerror=\"") && !page.contains("onload=\""))
            #expect(page.contains("alt=\"A field data-footnote onerror=alert(document.domain) x\""))
            #expect(page.contains("Pasted text"))
            #expect(page.contains("aria-label=\"flown\""))
        }
    }

    /// As deep as the limit allows, a body still fits libxml2's 256 levels inside every page and
    /// the EPUB, which the build reads back.
    @Test func nestingAtTheLimitBuilds() throws {
        let levels = TreeLimits.depth - 2
        try project(body: String(repeating: "> ", count: levels) + "quotes\n\n" + String(repeating: "- ", count: levels / 2) + "lists\n")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try String(contentsOf: output.appendingPathComponent("projects/deep.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<blockquote>").count - 1 == levels)
        #expect(page.contains("lists"))
    }

    @Test func tooDeepABodyIsOneErrorAtItsLine() throws {
        try project(body: "Intro.\n\n" + String(repeating: ">", count: 3000) + " deep\n")
        let report = build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.count == 1, "\(report.diagnostics.map(\.text))")
        let error = report.diagnostics.first
        #expect(error?.location.file.hasSuffix("projects/deep.md") == true)
        #expect(error?.location.line == 12)
    }
}
