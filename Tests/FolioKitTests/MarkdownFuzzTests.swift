import Foundation
import Testing
@testable import FolioKit

/// A property test of the Markdown → HTML path: bodies made at random (from a seeded, repeatable
/// generator) out of Markdown syntax and the hostile inputs of issue 17, each parsed and rewritten
/// as the site, the booklet and the EPUB do, must keep `BodyInvariants`. It runs for a bounded
/// time: FOLIO_FUZZ_SECONDS (default 2) raises it, FOLIO_FUZZ_SEED (default 17) explores other
/// inputs; a failure names the seed and the case number, which repeat it.
@Suite struct MarkdownFuzzTests {

    static let hostile: [String] = [
        "![A field data-footnote onerror=alert(document.domain) x](../media/field.png)",
        "[x](y.md \"data-footnote onmouseover=alert(1) z\") and a data-footnote-ref[^1]\n\n[^1]: n data-footnote-backref onclick=x",
        "<img src=x onerror=alert(1)> <script>alert(1)</script> <iframe src=javascript:alert(1)></iframe> <style>*{}</style>",
        "<a href=\"javascript:alert(1)\">x</a> <svg onload=alert(1)> <math><mi xlink:href=\"javascript:x\">y</mi></math>",
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:x) [d](vbscript:msgbox(1)) [e](data:text/html,x)",
        "![f](data:image/png;base64,AAAA) [g](&#106;avascript:alert(1)) <javascript:alert(1)> [h](file:///etc/passwd) [i](%6Aavascript:x)",
        "A[^café] b[^a\"b] c[^x<y>] d[^a%22b] e[^50%] f[^a%41] g[^aA]\n\n[^café]: one\n[^a\"b]: two\n[^x<y>]: three\n[^a%22b]: four\n[^50%]: five\n[^a%41]: six\n[^aA]: seven",
        "[^x\" onmouseover=\"alert(1)]: note\n\nref[^x\" onmouseover=\"alert(1)]",
        String(repeating: ">", count: 400) + " deep",
        String(repeating: "- ", count: 400) + "deep",
        String(repeating: "*a ", count: 300) + "x" + String(repeating: " a*", count: 300),
        String(repeating: "[", count: 2000) + "x" + String(repeating: "](y)", count: 500),
        "a\u{B}b\u{C}c\u{0}d\u{1}e\u{7F}f\u{85}g &#11; &#1; &#0; &#x85; &#xFFFE; &#xD800; `c\u{B}o` [l\u{1}](u\u{B}v \"t\u{C}\")",
        "- [x] <b>bold</b>\n- [ ] \n- [x] ![](a.png)\n- [ ] [link](x.md)\n  - [x] nested",
        "```\" onload=\"x\nco\u{B}de\n```\n\n```js data-footnote onerror=x\ncode\n```",
        "| a | b |\n|:-:|--:|\n| <script> | x\u{B}y |\n| [l](javascript:x) | ![i](data:x) |",
        "www.example.com/<script> https://x.org/\"onmouseover=alert(1) mailto:a@b.c tel:+1 a@b.example",
        "# data-footnote onerror=x\n\nText\n===\n\n## fn-1\n\n[^1]\n\n[^1]: one",
        "## fnref 1 2\n\n## fn a%41\n\n## fn-aA\n\nx[^1] y[^1] z[^a%41] w[^aA]\n\n[^1]: one\n[^a%41]: two\n[^aA]: three",
        "|" + String(repeating: "a|", count: 200) + "\n|-|\n" + "www.a.com" + String(repeating: ")", count: 500) + " " + String(repeating: "a@", count: 500),
        "&lt;script&gt; &amp;lt; &#60;script&#62; \\<script\\> `<script>` <!-- c --> <![CDATA[x]]> <?php x ?>",
    ]

    static let pieces: [String] = [
        "word", " ", "  ", "\n", "\n\n", "\t", "*", "**", "_", "~~", "`", "```", "[", "]", "(", ")", "![", "](", "[^", "]: ",
        "> ", "- ", "1. ", "# ", "## ", "---", "|", "|:-:|", "\\", "<", ">", "&", "&#11;", "&#1;", "&quot;", "\"", "'", "%22",
        "%C3%A9", "café", "data-footnote", "data-footnotes", "data-footnote-ref", " onerror=alert(1)", "onload=", "javascript:",
        "vbscript:", "data:text/html,", "<script>", "</script>", "<img src=x onerror=y>", "<iframe>", "<style>", "\u{B}", "\u{C}",
        "\u{1}", "\u{0}", "\u{85}", "\u{A0}", "- [x] ", "- [ ] ", "https://example.org", "www.x.org", "../media/a.png", "x.md#y",
        "#anchor", "Ελληνικά", "😀", "\r\n",
    ]

    static func randomInput(_ generator: inout SeededGenerator) -> String {
        if Bool.random(using: &generator) {
            var characters = Array(hostile.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    characters.insert(contentsOf: pieces.randomElement(using: &generator)!, at: position)
                case 1 where position < characters.count:
                    characters.removeSubrange(position..<min(characters.count, position + Int.random(in: 1...8, using: &generator)))
                default:
                    let end = min(characters.count, position + Int.random(in: 1...20, using: &generator))
                    characters.insert(contentsOf: characters[position..<end], at: position)
                }
            }
            return String(characters)
        }
        return (0..<Int.random(in: 1...80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// The three ways bodies are rewritten: the site page, the single-page booklet, the EPUB.
    static let rewriters: [HTMLRewriter] = [
        HTMLRewriter(footnoteBackLabel: "Back") { _, _ in .keep },
        HTMLRewriter(idPrefix: "p--", footnoteBackLabel: "Back", headingShift: 2) { destination, _ in
            destination.hasPrefix("#") ? .replace(destination) : .replace("../projects/x.html")
        },
        HTMLRewriter(idPrefix: "c--") { _, isImage in isImage ? .replace("../media/a.png") : .unwrap },
    ]

    /// The errors a body may get: the limits of `TreeLimits` and `BodyLimits`.
    static let expectedRefusals = ["nested more than", "columns", "in a word", "cells", "other parts", "footnote references"]

    /// The invariants' first failure for `markdown`, or nil.
    static func failure(of markdown: String) -> String? {
        let log = DiagnosticLog()
        let document = MarkdownParser.parse(markdown, file: "projects/fuzz.md", firstLine: 1, log: log)
        if let other = log.diagnostics.first(where: { !Self.expectedRefusals.contains(where: $0.message.contains) }) {
            return "unexpected diagnostic: \(other.text)"
        }
        if document.plainText.unicodeScalars.contains(where: ControlCharacters.isControl) {
            return "control character in the search text \(document.plainText.debugDescription)"
        }
        // What the parser keeps is already clean XML, so the rewrites take libxml2's fast XML parser.
        let kept = BodyInvariants.violations(of: document.html)
        if !kept.isEmpty { return "\(kept) in the parsed body \(document.html.debugDescription)" }
        for rewriter in rewriters {
            let html = rewriter.rewrite(document)
            let problems = BodyInvariants.violations(of: html)
            if !problems.isEmpty { return "\(problems) in \(html.debugDescription)" }
        }
        return nil
    }

    @Test func rewrittenBodiesKeepTheirInvariants() {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["FOLIO_FUZZ_SECONDS"].flatMap(Double.init) ?? 2
        let seed = environment["FOLIO_FUZZ_SEED"].flatMap(UInt64.init) ?? 17
        for (index, input) in Self.hostile.enumerated() {
            if let failure = Self.failure(of: input) {
                Issue.record("hostile input \(index) \(input.debugDescription): \(failure)")
            }
        }
        var generator = SeededGenerator(state: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var cases = 0
        var failures = 0
        while Date() < deadline, failures < 5 {
            let input = Self.randomInput(&generator)
            cases += 1
            if let failure = Self.failure(of: input) {
                failures += 1
                Issue.record("seed \(seed), case \(cases) \(input.debugDescription): \(failure)")
            }
        }
        print("Markdown fuzz: \(Self.hostile.count) hostile inputs and \(cases) random bodies (seed \(seed), \(seconds) s), \(failures) failures")
    }
}
