import Foundation
import Testing
@testable import FolioKit

/// The PDF edition end to end: hostile content through the real Layouts/booklet.typ and Typst,
/// read back with poppler's `pdftotext` and `pdfinfo`.
@Suite struct PDFEditionTests {
    private let scratch = TemporaryFolder("folio-pdf")
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var output: URL { scratch.url.appendingPathComponent("Output") }

    /// Titles an editor might write that are Typst syntax; each must print exactly as written.
    static let hostileTitles = [
        "#import \"x\": * and $x^2$ maths",
        "Brackets ] [ and \\ backslash \\u{41}",
        "@label <label> *bold* _under_ `code` // not a comment",
        "#let x = 1; #x #{panic(\"no\")}",
    ]
    static let longPartner = "Consorcio Internacional para la Transferencia de Tecnologías Aeroespaciales, Agroalimentarias y Sanitarias de la Región de Castilla-La Mancha y Extremadura Sociedad Limitada Unipersonal"

    init() throws {
        try write("site.yaml", """
        title: Hostile Programme
        language: en
        funding_notice: Funded by the European Union, with $5 and #hash and ] brackets.
        sectors:
          agrifood: {name: "Agri-food #1", colour: "#2e6b30"}
          ict: {name: ICT, colour: "#5b3a99"}
        booklet:
          title: "The #booklet $of$ [projects]"
          subtitle: "A subtitle with \\\\ and `ticks`"
          identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
          date: 2019-05-31
        """)
        try write("media/tall.svg", ##"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="30000" viewBox="0 0 20 30"><rect width="20" height="30" fill="#a4262c"/></svg>"##)
        let wideHeader = "| " + (1...9).map { "Column \($0) heading" }.joined(separator: " | ") + " |"
        let wideRule = "|" + String(repeating: "---|", count: 9)
        let wideRow = "| " + (1...9).map { "value \($0) with several words" }.joined(separator: " | ") + " |"
        // Seven columns share the page's width in small type; more than eight become records.
        let seven = "| " + (1...7).map { "Heading \($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 7)
            + "\n| " + (1...7).map { "https://example.org/a-rather-long-address/number-\($0)" }.joined(separator: " | ") + " |"
        for (index, title) in Self.hostileTitles.enumerated() {
            try write("projects/hostile-\(index).md", """
            ---
            title: '\(title.replacingOccurrences(of: "'", with: "''"))'
            acronym: "H#\(index)"
            summary: 'Summary with #set text(red) and $y$ and <b>'
            sectors: [agrifood, ict]
            countries: [ES, PL]
            call: 'Call #\(index % 2) ] $'
            funding_eur: 30000
            partners:
              - {name: "\(Self.longPartner)", country: ES}
              - {name: "P#\(index) $ ] \\\\ <x> @y", country: PL}
            ---
            ## Heading with #strong[x] and `raw`

            Body text with *emphasis*, **strong**, ~~struck~~, `#code`, a [link to the next](hostile-\((index + 1) % Self.hostileTitles.count).md#heading-with-strongx-and-raw)
            and [outside](https://example.org/a_b?c=d#e)[^note]. Escapes: \\# \\$ \\] and #import "y".

            \(wideHeader)
            \(wideRule)
            \(wideRow)

            \(seven)

            - [x] done #done
            - [ ] open $open$

            1. first
            2. second

            > quoted #quote

            ```typ
            #panic("code blocks are shown, not run")
            ```

            ![A very tall picture](../media/tall.svg)

            ![](../media/tall.svg "decorative")

            A decorative picture ![](../media/tall.svg "decorative") inside a sentence, [![](../media/tall.svg "decorative")](https://example.org) in a link.

            [^note]: A footnote with #footnote and $math$.
            """)
        }
        try write("pages/booklet.md", """
        ---
        title: Introduction
        ---
        #### An introduction that starts at level four #heading

        Text of the introduction with a [link to a project](../projects/hostile-0.md).
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func build() -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: BuildTests.layouts, output: output))
    }

    var pdfURL: URL { output.appendingPathComponent("booklet/the-booklet-of-projects.pdf") }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func hostileContentPrintsAsWrittenAndStaysOnThePage() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.pdfPages > 5)
        let text = try Self.run("pdftotext", ["-enc", "UTF-8", pdfURL.path, "-"])
        // pdftotext breaks lines where the PDF does: compare with whitespace folded.
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for title in Self.hostileTitles {
            #expect(folded.contains(title.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "missing title: \(title)")
        }
        #expect(folded.contains("#panic(\"code blocks are shown, not run\")"))
        #expect(folded.contains("The #booklet $of$ [projects]"))

        // Every word box inside the page: no table, name or picture runs off the paper.
        let boxes = try Self.run("pdftotext", ["-bbox-layout", pdfURL.path, "-"])
        var pages = 0, words = 0
        for page in boxes.split(separator: "<page ").dropFirst() {
            pages += 1
            let size = page.firstMatch(of: /width="([0-9.]+)" height="([0-9.]+)"/)
            let width = Double(size?.1 ?? "0") ?? 0, height = Double(size?.2 ?? "0") ?? 0
            for word in page.matches(of: /<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</) {
                words += 1
                let (xMin, yMin, xMax, yMax) = (Double(word.1)!, Double(word.2)!, Double(word.3)!, Double(word.4)!)
                #expect(xMin >= 0 && yMin >= 0 && xMax <= width + 0.5 && yMax <= height + 0.5,
                        "page \(pages): '\(word.5)' at \(xMin),\(yMin)-\(xMax),\(yMax) runs off a \(width)×\(height) page")
            }
        }
        #expect(pages == report.pdfPages)
        #expect(words > 500)

        // The booklet page links the PDF with its page count and size.
        let page = try String(contentsOf: output.appendingPathComponent("booklet/index.html"), encoding: .utf8)
        #expect(page.contains("the-booklet-of-projects.pdf\" type=\"application/pdf\""))
        #expect(page.contains("(\(report.pdfPages) pages, "))
    }

    @Test func documentIsTaggedTitledAndA4() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let info = try Self.run("pdfinfo", [pdfURL.path])
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Title:           The #booklet $of$ [projects]"))
        #expect(info.contains("(A4)"))
        #expect(info.contains("JavaScript:      no"))
        #expect(info.contains("CreationDate:    Fri May 31 00:00:00 2019 UTC") || info.contains("2019"))
    }

    @Test func paperA5AndPDFOff() throws {
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try write("site.yaml", site + "\n  paper: a5\n")
        #expect(build().succeeded)
        #expect(try Self.run("pdfinfo", [pdfURL.path]).contains("Page size:       419.528 x 595.276 pts"))

        try write("site.yaml", site + "\n  pdf: false\n")
        let report = build()
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: pdfURL.path))
        #expect(report.pdfPages == 0)
        let page = try String(contentsOf: output.appendingPathComponent("booklet/index.html"), encoding: .utf8)
        #expect(!page.contains(".pdf\""))
    }

    @Test func serveLeavesThePDFOutUnlessAsked() throws {
        let report = Pipeline.build(.init(content: content, layouts: BuildTests.layouts, output: output, pdf: false))
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.pdfPages == 0)
        #expect(!FileManager.default.fileExists(atPath: pdfURL.path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains(".pdf\""))
    }

    @Test func paperAndSwitchAreCheckedWhereWritten() throws {
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try write("site.yaml", site + "\n  paper: letter\n  pdf: maybe\n")
        let messages = Pipeline.check(contentFolder: content).diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        let lines = site.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(messages.contains("\(lines + 1):10 booklet paper must be a4 or a5, not 'letter'"))
        #expect(messages.contains("\(lines + 2):8 booklet pdf must be true or false, not 'maybe'"))
    }

    @Test func anImageTypstCannotReadIsReportedAtItsLine() throws {
        // Safe and well-formed, so the load and image stages pass it; Typst cannot size it.
        try write("media/broken.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="-5" height="abc"></svg>"#)
        try write("projects/broken.md", """
        ---
        title: Broken picture
        summary: A picture that is not one.
        sectors: [ict]
        countries: [PT]
        call: Call 1
        funding_eur: 1000
        partners:
          - {name: Only One, country: PT}
        ---
        First paragraph.

        Second paragraph.

        ![Not really a picture](../media/broken.svg)

        Last paragraph.
        """)
        let report = build()
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("projects/broken.md") == true, "\(errors)")
        #expect(errors.first?.location.line == 15, "\(errors)")
        #expect(errors.first?.message.contains("cannot typeset") == true)
    }

    /// A copy of the real layouts whose `booklet.typ` ends with `line`, and that line's number.
    func layouts(appending line: String) throws -> (URL, Int) {
        let layouts = scratch.url.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: BuildTests.layouts, to: layouts)
        let template = layouts.appendingPathComponent("booklet.typ")
        let text = try String(contentsOf: template, encoding: .utf8)
        try (text + "\n" + line + "\n").write(to: template, atomically: true, encoding: .utf8)
        return (layouts, text.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
    }

    @Test func aTemplateErrorIsReportedAtTheTemplateWithTheSourceKept() throws {
        let (layouts, line) = try layouts(appending: "#no-such-function()")
        let report = Pipeline.build(.init(content: content, layouts: layouts, output: output))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location.file.hasSuffix("Layouts/booklet.typ"))
        #expect(error.location.line == line)
        #expect(error.message.contains("unknown variable: no-such-function"))
        #expect(error.message.contains("defect of Folio or of the layout"))
        let kept = CacheFolder(output: output).folder("pdf")
        #expect(error.message.contains(kept.path))
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("booklet.json").path))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func typesetterWarningsReachTheDesignerAtTheTemplateLine() throws {
        #expect(build().diagnostics.filter { $0.message.contains("typesetter") }.isEmpty)
        let (layouts, line) = try layouts(appending: "#text(font: \"No Such Font\")[x]")
        let report = Pipeline.build(.init(content: content, layouts: layouts, output: output))
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.message.contains("typesetter warns") })
        #expect(warning.severity == .warning)
        #expect(warning.location.file.hasSuffix("Layouts/booklet.typ"))
        #expect(warning.location.line == line)
        #expect(warning.message.contains("unknown font family"))
    }

    @Test func aMissingEngineSaysHowToInstallOrTurnOff() throws {
        let loaded = try #require(Pipeline.check(contentFolder: content).content)
        let (theme, _) = Theme.load(from: BuildTests.layouts)
        var edition = PDFEdition(site: SiteRenderer(content: loaded, theme: try #require(theme)),
                                 date: BuildDate(content: loaded, sourceDateEpoch: nil), layouts: BuildTests.layouts,
                                 folder: scratch.url.appendingPathComponent("pdf-build"))
        edition.engine.python = "folio-no-such-python"
        guard case .failure(let problem) = edition.render() else {
            Issue.record("a missing engine must stop the PDF")
            return
        }
        #expect(problem.location.file == "site.yaml")
        #expect(problem.message.contains(TypstEngine.installHint))
        #expect(problem.message.contains("pdf: false"))
    }

    @Test func bodyTreeKeepsStructureAndFootnotes() {
        let tree = MarkdownTree.parse("# A *b*\n\nText[^n] and ![alt **x**](i.png).\n\n- [x] done\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n[^n]: Note.\n", firstLine: 10)
        #expect(tree.blocks.count == 4)
        #expect(tree.blocks[0] == .heading(level: 1, [.text("A "), .emphasis([.text("b")])], index: 0, line: 10))
        #expect(tree.blocks[1] == .paragraph([.text("Text"), .footnote([.paragraph([.text("Note.")], line: 20)]), .text(" and "),
                                              .image(destination: "i.png", alt: "alt x"), .text(".")], line: 12))
        #expect(tree.blocks[2] == .list(ordered: false, start: 0, items: [MarkdownListItem(checked: true, blocks: [.paragraph([.text("done")], line: 14)])], line: 14))
        let two = MarkdownTree.parse("B[^b] A[^a] B again[^b]\n\n[^a]: First.\n[^b]: Second.\n", firstLine: 1)
        guard case .paragraph(let inlines, _) = two.blocks[0] else { Issue.record("a paragraph"); return }
        let notes: [MarkdownBlock?] = inlines.compactMap { inline -> MarkdownBlock?? in
            if case .footnote(let blocks) = inline { return .some(blocks.first) }
            return nil
        }
        #expect(notes == [.paragraph([.text("Second.")], line: 4), .paragraph([.text("First.")], line: 3), .paragraph([.text("Second.")], line: 4)])
        #expect(tree.blocks[3] == .table(alignments: ["left", "right"], header: [[.text("a")], [.text("b")]], rows: [[[.text("1")], [.text("2")]]], line: 16))
    }

    @Test func dataIsJSONWithEveryCharacterEscaped() throws {
        var out = ""
        PDFData.quote("a\"b\\c\n\u{1}#$[]", into: &out)
        #expect(out == #""a\"b\\c\n\u0001#$[]""#)
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + out + "]").utf8)) as? [String]
        #expect(parsed == ["a\"b\\c\n\u{1}#$[]"])
    }
}
