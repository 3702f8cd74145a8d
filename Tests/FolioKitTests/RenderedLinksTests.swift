import Foundation
import Testing
@testable import FolioKit

/// A page's links are known from its templates as it renders (`MarkupScan`, `RenderedLinks`)
/// instead of being read back with libxml2: wherever they are known, they must be exactly what
/// libxml2 reads from the page, in the same order; where the templates cannot tell, they are
/// not known, and the page is read.
@Suite struct RenderedLinksTests {
    static func same(_ a: PageLinks, _ b: PageLinks) -> Bool {
        a.ids == b.ids && a.repeatedIDs.sorted() == b.repeatedIDs.sorted() && a.references.map { "\($0.isResource) \($0.value)" } == b.references.map { "\($0.isResource) \($0.value)" }
    }

    /// `template` compiled with the names of `values`, rendered with them; the output and the links known.
    static func render(_ template: String, _ values: [String: TemplateValue], partials: [String: String] = [:],
                       fragments: [PageFragment] = []) throws -> (html: String, links: PageLinks?) {
        let names = TemplateNames(values.keys.sorted())
        let sources = [TemplateLibrary.Source(name: "page", text: template)] + partials.keys.sorted().map { TemplateLibrary.Source(name: $0, text: partials[$0]!) }
        let (library, errors, _) = TemplateLibrary.compile(sources, names: names)
        let compiled = try #require(library, "\(errors)")
        let object = values.reduce(into: TemplateObject()) { $0[names.index(of: $1.key)!] = $1.value }
        let (html, links) = compiled.renderPage("page", object, capacity: 1024, fragments: fragments)
        return (String(decoding: html, as: UTF8.self), links)
    }

    @Test func everyPageOfContentIsFollowedInEveryLanguageAndReadsAsLibxml2ReadsIt() throws {
        let content = try #require(Pipeline.check(contentFolder: BuildTests.repository.appendingPathComponent("Content")).content)
        let theme = try #require(Theme.load(from: BuildTests.layouts, languages: content.config.languageCodes).theme)
        #expect(content.config.languageCodes.count > 1)
        final class Pages: @unchecked Sendable {
            let lock = NSLock()
            var all: [RenderedPage] = []
        }
        let pages = Pages()
        for code in content.config.languageCodes {
            let (words, language) = TranslatedContent.make(content, in: code)
            let site = SiteRenderer(content: words, theme: theme.speaking(language.code), language: language)
            site.render(site.pageJobs()) { page in pages.lock.withLock { pages.all.append(page) } }
        }
        #expect(pages.all.count > 400)
        for page in pages.all {
            let links = try #require(page.links, "\(page.file.path): not followed")
            #expect(Self.same(links, PageLinkScanner.scan(page.file.data)), "\(page.file.path)")
        }
    }

    @Test func aBrokenLinkOrAnchorInALayoutStillStopsTheBuild() throws {
        let fixture = try BuildTests()
        let layouts = try ScratchLayouts()
        let base = layouts.url.appendingPathComponent("base.mustache")
        let text = try String(contentsOf: base, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<a href=\"{{root}}nowhere.html\">x</a><a href=\"#nope\">y</a>\n</body>")
            .write(to: base, atomically: true, encoding: .utf8)
        let report = Pipeline.build(.init(content: fixture.content, layouts: layouts.url, output: fixture.output))
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("nowhere.html' does not exist") })
        #expect(report.diagnostics.contains { $0.message.contains("no element with id 'nope'") })
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("index.html").path))
    }

    @Test func valuesInAttributesAreReadAsLibxml2DecodesThem() throws {
        let hostile = #"a.html?x=1&y="2"&z='3'#<b>"#
        let (html, links) = try Self.render(#"<p id="{{v}}"><a href='{{v}}' class="x">t</a><img src="{{n}}.png" alt=""></p>"#,
                                            ["v": .text(hostile), "n": .number(7)])
        let known = try #require(links)
        #expect(Self.same(known, PageLinkScanner.scan(Data(html.utf8))))
        #expect(known.ids == [hostile])
        #expect(known.references.map(\.value) == [hostile, "7.png"])
    }

    @Test func aTagNameMadeOfValuesAndBlocksIsFollowed() throws {
        let (html, links) = try Self.render("<h{{level}} id=\"t\">x</h{{level}}><h{{$l}}3{{/l}} id=\"u\">y</h{{$l}}3{{/l}}>", ["level": .number(2)])
        let known = try #require(links)
        #expect(known.ids == ["t", "u"])
        #expect(Self.same(known, PageLinkScanner.scan(Data(html.utf8))))
    }

    @Test func whatTheTemplatesCannotTellIsNotKnown() throws {
        // A value between attributes could make any attribute.
        #expect(try Self.render(#"<a {{v}}>x</a>"#, ["v": .text("href=x.html")]).links == nil)
        // Markup from a value that is no fragment of the page.
        #expect(try Self.render(#"<div>{{{v}}}</div>"#, ["v": .text(#"<a href="x.html">x</a>"#)]).links == nil)
        // A character reference in a link as written in the template.
        #expect(try Self.render(#"<a href="a.html?x=1&amp;y=2">x</a>"#, [:]).links == nil)
        // A value without quotes that the next value could go on.
        #expect(try Self.render(#"<a href=x{{v}}.html>x</a>"#, ["v": .text("y")]).links == nil)
        // A page that ends inside a tag.
        #expect(try Self.render(#"<a href="x.html""#, [:]).links == nil)
        // A value that ends a comment with the text after it.
        #expect(try Self.render(#"<!-- {{v}}><a href="x.html">x</a> -->"#, ["v": .text("--")]).links == nil)
        // The same attribute twice: libxml2 keeps the first.
        #expect(try Self.render(#"<a href="x.html"{{#f}} href="y.html"{{/f}}>x</a>"#, ["f": .flag(true)]).links == nil)
        // An indented partial's line break inside a link would change it.
        #expect(try Self.render("<p>\n  {{>p}}\n</p>", [:], partials: ["p": "<a href=\"x\ny.html\">x</a>\n"]).links == nil)
        // Escaped markup and plain raw text change nothing.
        #expect(try Self.render(#"<p>{{v}}{{{w}}}</p>"#, ["v": .text("<a href=\"x.html\">"), "w": .text("a & b")]).links?.references.isEmpty == true)
    }

    @Test func aFragmentOfThePageBringsItsOwnLinks() throws {
        let body = #"<h2 id="goals">Goals</h2><p><a href="b.html">b</a></p>"#
        // Links the fragment does not hold: taken as told, which shows they came from the fragment.
        var told = PageLinks()
        told.ids = ["told"]
        told.references = [("told.html", false)]
        let (_, links) = try Self.render(#"<main id="main">{{{body}}}</main><a href="c.html">c</a>"#, ["body": .text(body)],
                                         fragments: [PageFragment(html: body, links: told)])
        let known = try #require(links)
        #expect(known.ids == ["main", "told"])
        #expect(known.references.map(\.value) == ["told.html", "c.html"])
    }

    /// Random templates of HTML pieces and tags, with hostile values: whenever the links are
    /// known, libxml2 reads the same from the page. Enough of them must be known for this to say
    /// anything.
    @Test func randomTemplatesReadAsLibxml2ReadsThem() throws {
        let pieces = [#"<a href=""#, "<a href='", "<img src=", " alt=x>", #"<p id=""#, #"">"#, "'>", #"""#, "'", ">", "</a>", "</p>",
                      "<div ", #" class="c""#, #" href="x.html""#, " id=y", #"<link rel=""#, "stylesheet", "canonical", #"" href=""#,
                      "<!-- ", " -->", "<script>", "</script>", "<style>", "</style>", "<h", "2", "</h", "text & more", "&amp;", "\n", " ",
                      "<", "<br/>", "<input disabled>", #"<object data=""#, #"<img srcset=""#, " 1x, ", #"<area href=""#,
                      "<!DOCTYPE html>", "<?x?>", "=", #"<a name=""#, "<A HREF=\"", "</A>", "\t", "é", "\r\n", "\r"]
        let tags = ["{{v}}", "{{w}}", "{{{raw}}}", "{{n}}"]
        let texts = ["", "x.html", #"a"b"#, "a'b", "<b>", "a&b", "x y", "#top", "p.html#s", "../assets/y.css", "\n", "é", "a\tb", "--", "-->", "</script>", "a\rb", "a\r\nb"]
        let raws = ["", "plain", "<em>x</em>", #"<a href="r.html">r</a>"#, #"""#, "</script>", "-->", "a > b"]
        let fragment = #"<a href="r.html">r</a>"#
        let elements = ["a", "A", "img", "link", "p", "div", "h2", "object", "area", "script", "style", "input", "source"]
        let attributes = ["href", "HREF", "src", "id", "name", "rel", "data", "srcset", "class", "alt", "title", "style"]
        let values = ["x.html", "{{v}}", "{{w}}", "a{{v}}b", "{{n}}.png", "", "{{#f}}on{{/f}}", "#top", "x y.html", "{{v}}", "{{n}}",
                      "{{{raw}}}", "&amp;"]
        /// A start tag, content and end tag made of the pieces above: mostly well-formed, so that most are followed.
        func element(_ random: inout SeededGenerator, depth: Int = 0) -> String {
            let name = elements.randomElement(using: &random)!
            var tag = "<" + name
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let value = values.randomElement(using: &random)!
                let attribute = attributes.randomElement(using: &random)!
                tag += [" \(attribute)=\"\(value)\"", " \(attribute)='\(value)'", " \(attribute)=\(value)", " \(attribute)",
                        "{{#f}} \(attribute)=\"\(value)\"{{/f}}"].randomElement(using: &random)!
            }
            tag += Bool.random(using: &random) ? ">" : " >"
            var inside = ""
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                inside += depth < 3 && Bool.random(using: &random) ? element(&random, depth: depth + 1)
                    : ["text", "{{v}}", "{{{raw}}}", "\n", "<!-- c -->", "{{n}}", "a &amp; b"].randomElement(using: &random)!
            }
            return tag + inside + "</\(name)>"
        }
        var random = SeededGenerator(state: 20261202)
        var known = 0
        let runs = 8_000
        for run in 0..<runs {
            var template = ""
            if run % 2 == 0 {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    template += Int.random(in: 0..<8, using: &random) == 0 ? pieces.randomElement(using: &random)! : element(&random)
                }
            }
            for _ in 0..<(run % 2 == 0 ? 0 : Int.random(in: 4...24, using: &random)) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<6: template += pieces.randomElement(using: &random)!
                case 6..<9: template += tags.randomElement(using: &random)!
                default: template += "{{#f}}" + pieces.randomElement(using: &random)! + tags.randomElement(using: &random)! + "{{/f}}"
                }
            }
            let values: [String: TemplateValue] = [
                "v": .text(texts.randomElement(using: &random)!), "w": .text(texts.randomElement(using: &random)!),
                "raw": .text(raws.randomElement(using: &random)!), "n": .number(Int.random(in: 0...99, using: &random)),
                "f": .flag(Bool.random(using: &random)),
            ]
            let (html, links) = try Self.render(template, values,
                                                fragments: [PageFragment(html: fragment, links: PageLinkScanner.scan(Data(fragment.utf8)))])
            guard let links else { continue }
            known += 1
            #expect(Self.same(links, PageLinkScanner.scan(Data(html.utf8))), "run \(run): \(template.debugDescription) with \(values)")
        }
        #expect(known > runs / 10, "only \(known) of \(runs) followed")
    }
}
