import Mustache
import Testing
@testable import FolioKit

/// Interface strings are inlined into the templates when the layouts load; pages must come out
/// exactly as Mustache would have rendered them.
@Suite struct ConstantStringsTests {
    let strings: [String: Any] = ["nav": ["home": "Home & <away>", "quote": "it's \"here\""], "list": ["a", "b"]]
    /// The same strings by dotted path, as `Theme` hands them to the inliner.
    let byPath = ["nav.home": "Home & <away>", "nav.quote": "it's \"here\""]

    @Test func inlinesEscapedAndRawStrings() {
        let inlined = ConstantStrings.inline(into: "{{strings.nav.home}}|{{{strings.nav.home}}}|{{& strings.nav.quote}}|{{ strings.nav.quote }}", strings: byPath)
        #expect(inlined == "Home &amp; &lt;away&gt;|Home & <away>|it's \"here\"|it&#39;s &quot;here&quot;")
    }

    @Test func leavesEverythingElseToMustache() {
        for template in ["{{#strings.list}}{{.}}{{/strings.list}}", "{{strings.nav.missing}}", "{{strings.nav}}",
                         "{{=<% %>=}}<% strings.nav.home %>{{strings.nav.home}}", "{{title}}"] {
            #expect(ConstantStrings.inline(into: template, strings: byPath) == template)
        }
    }

    @Test func rendersTheSameAsMustache() throws {
        let text = "<a title=\"{{strings.nav.quote}}\">{{strings.nav.home}}</a>{{#strings.list}}<i>{{.}}</i>{{/strings.list}}{{title}}"
        let context: [String: Any] = ["strings": strings, "title": "T<"]
        let plain = try MustacheTemplate(string: text).render(context)
        let inlined = try MustacheTemplate(string: ConstantStrings.inline(into: text, strings: byPath)).render(context)
        #expect(inlined == plain)
    }
}
