import Foundation
import Mustache
import Testing
@testable import FolioKit

/// Folio's escaping of `{{value}}` replaced swift-mustache's for speed; it must write the same bytes
/// (swift-mustache stays a test dependency for this comparison).
@Suite struct HTMLEscapingTests {
    let samples = ["plain text, nothing to escape", "Tom & Jerry's <b>\"show\"</b>", "Łódź – Málaga ⇒ 東京 & 🚀",
                   "", "&amp; already", "a\u{1}b\tc\n"]

    @Test func writesWhatMustacheWrites() throws {
        let template = try MustacheTemplate(string: "{{value}}")
        for sample in samples {
            #expect(HTMLEscaping.escape(sample) == template.render(["value": sample]))
            var appended: [UInt8] = Array("before ".utf8)
            HTMLEscaping.append(sample, to: &appended)
            #expect(String(decoding: appended, as: UTF8.self) == "before " + template.render(["value": sample]))
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
        // let through unescaped; Folio's escaped it, and still does.
        let page = try #require(theme).render("404", [.page: .object([.title: .text("A & B's <page> '\u{301}")])])
        #expect(page.contains("A &amp; B&#39;s &lt;page&gt; &#39;\u{301}"))
    }
}
