import Foundation
import Testing
@testable import FolioKit

/// What readers and crawlers get beyond the pages themselves: the 404 page at any depth, the
/// feed's links, the booklet's size, links in the menu.
@Suite struct PublishedPagesTests {
    let site: BuildTests

    init() throws { site = try BuildTests() }

    func editSiteYAML(_ change: (String) -> String) throws {
        let file = site.content.appendingPathComponent("site.yaml")
        try site.write("site.yaml", change(try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func theNotFoundPageLinksFromTheSitePathAndIsNotIndexed() throws {
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let page = try site.read("404.html")
        for link in [#"href="/sub/assets/folio.css""#, #"src="/sub/assets/folio.js""#, #"href="/sub/projects/index.html""#,
                     #"href="/sub/index.html""#, #"src="/sub/assets/eu-flag.svg""#, #"href="/sub/feed.xml""#] {
            #expect(page.contains(link), "missing \(link)")
        }
        #expect(!page.contains(#"href="assets/"#) && !page.contains(#"src="assets/"#))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        // Every other page keeps its relative links and its canonical URL.
        let about = try site.read("pages/about.html")
        #expect(about.contains(#"href="../assets/folio.css""#))
        #expect(about.contains(#"<link rel="canonical" href="https://demo.example.eu/sub/pages/about.html">"#))
        #expect(!about.contains("noindex"))
        // `folio check --output` knows the site's path from the content, as the build does.
        let content = Pipeline.check(contentFolder: site.content).content
        #expect(Pipeline.checkOutput(site.output, content: content).isEmpty)
    }

    @Test func withoutABaseURLTheNotFoundPageLinksFromTheRoot() throws {
        try editSiteYAML { $0.replacingOccurrences(of: "base_url: https://demo.example.eu/sub/\n", with: "") }
        #expect(site.build().succeeded)
        let page = try site.read("404.html")
        #expect(page.contains(#"href="assets/folio.css""#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
    }

    @Test func theFeedNamesTheHomePageByItsCanonicalURL() throws {
        #expect(site.build().succeeded)
        let canonical = try #require(try site.read("index.html").firstMatch(of: /<link rel="canonical" href="([^"]+)">/)?.1)
        #expect(canonical == "https://demo.example.eu/sub/")
        #expect(try site.read("feed.xml").contains(#"<link rel="alternate" type="text/html" href="\#(canonical)"/>"#))
        #expect(try site.read("sitemap.xml").contains("<loc>\(canonical)</loc>"))
    }

    @Test func theBookletSizeReadsTheSameOnThePagesAndInTheSummary() throws {
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.epubSizeText.hasSuffix(" kB"))
        #expect(report.epubSizeText == FileSizeText.text(report.epubBytes, formats: .init()))
        #expect(try site.read("booklet/index.html").contains(", \(report.epubSizeText))"))
        #expect(try site.read("index.html").contains("(\(report.epubSizeText))"))
        #expect(FileSizeText.text(3_171_000, formats: .init()) == "3 MB")
        #expect(FileSizeText.text(1_000_000, formats: .init()) == "977 kB")
        #expect(FileSizeText.text(3_300_000, formats: .init(decimalSeparator: ",")) == "3,1 MB")
        #expect(FileSizeText.text(10, formats: .init()) == "1 kB")
    }

    @Test func aWebAddressInTheMenuIsShown() throws {
        try editSiteYAML { $0 + "\n  - {title: Partner site, link: \"https://partner.example.org/x?a=1&b=2\"}\n" }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        for page in ["index.html", "projects/soil-net.html", "404.html"] {
            #expect(try site.read(page).contains(#"<a href="https://partner.example.org/x?a=1&amp;b=2">Partner site</a>"#), "\(page)")
        }
    }

    @Test func aMenuLinkWithAnotherSchemeIsAnErrorAtItsLine() throws {
        for link in ["mailto:office@demo.example.eu", "tel:+3212345678", "javascript:alert(1)", "ftp://files.example.org/"] {
            try editSiteYAML { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.hasPrefix("  - {title: About") ? "  - {title: About, link: \"\(link)\"}" : String($0)
                }.joined(separator: "\n")
            }
            let report = site.build()
            #expect(!report.succeeded, "accepted \(link)")
            let error = report.diagnostics.first { $0.severity == .error }
            #expect(error?.location.file.hasSuffix("site.yaml") == true, "\(report.diagnostics.map(\.text))")
            #expect(error?.location.line == 14, "\(link)")
        }
    }

    /// The value column's heading of the chart `id` on the metrics page.
    func valueHeading(of id: String) throws -> String? {
        let page = try site.read("metrics/index.html")
        guard let figure = page.range(of: "id=\"chart-\(id)\"") else { return nil }
        let rest = page[figure.upperBound...]
        return rest.firstMatch(of: /<th scope="col">[^<]*<\/th><th scope="col">([^<]*)<\/th>/).map { String($0.1) }
    }

    @Test func eachChartNamesItsOwnValueColumn() throws {
        try site.write("data/metrics.yaml", """
        charts:
          - id: raised
            title: Funds raised
            kind: bar
            unit: EUR
            value_label: Raised by the SMEs (EUR)
            points: [{label: "2018", value: 1700000}]
          - id: registrations
            title: SMEs registered
            kind: line
            unit: count
            points: [{label: "2018", value: 160}, {label: "2019", value: 205}]
          - id: share
            title: Share of women founders
            kind: column
            unit: percent
            points: [{label: "2018", value: 31}]
        """)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        #expect(try valueHeading(of: "raised") == "Raised by the SMEs (EUR)")
        #expect(try valueHeading(of: "registrations") == "Value")
        #expect(try valueHeading(of: "share") == "Value (%)")
        #expect(try valueHeading(of: "projects-per-sector") == "Projects")
        #expect(try valueHeading(of: "funding-per-sector") == "Direct funding (EUR)")
        #expect(try site.read("booklet/edition.html").contains("<th scope=\"col\">Raised by the SMEs (EUR)</th>"))
    }
}
