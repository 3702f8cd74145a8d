import Foundation
import Mustache
import Testing
@testable import FolioKit

/// Folio's escaping of `{{value}}` replaces swift-mustache's for speed; it must write the same bytes.
@Suite struct HTMLEscapingTests {
    let samples = ["plain text, nothing to escape", "Tom & Jerry's <b>\"show\"</b>", "Łódź – Málaga ⇒ 東京 & 🚀",
                   "", "&amp; already", "a\u{1}b\tc\n"]

    @Test func writesWhatMustacheWrites() throws {
        let template = try MustacheTemplate(string: "{{value}}")
        for sample in samples {
            // Without the pragma a template escapes with swift-mustache's own content type.
            #expect(HTMLEscaping.escape(sample) == template.render(["value": sample]))
        }
    }

    @Test func leavesTextWithoutSpecialCharactersUntouched() {
        #expect(HTMLEscaping.escape("Project 12 – pilot") == "Project 12 – pilot")
        #expect(HTMLEscaping.escape("<>&\"'") == "&lt;&gt;&amp;&quot;&#39;")
    }

    @Test func everyLoadedTemplateEscapesWithIt() throws {
        let (theme, diagnostics) = Theme.load(from: BuildTests.layouts)
        #expect(diagnostics.isEmpty)
        // An apostrophe with a combining accent is one Character, which swift-mustache's escaping
        // would let through unescaped; Folio's escapes it, so this fails if the pragma is lost.
        let page = try #require(theme).render("404", ["page": ["title": "A & B's <page> '\u{301}"]])
        #expect(page.contains("A &amp; B&#39;s &lt;page&gt; &#39;\u{301}"))
    }
}
