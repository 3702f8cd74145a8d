import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FolioKit

/// The chart pieces on their own, without templates: the SVG must be well-formed XML (the EPUB
/// embeds it in XHTML), accessible, proportional and byte-stable; numbers must not depend on the
/// machine's locale; derived figures must follow the site's orders, not a dictionary's.
@Suite struct ChartsTests {
    // MARK: - Helpers

    /// One parsed element: enough to check attributes and the text of `<text>` and `<title>`.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    /// Collects every element in document order; a parse error fails the parse, not the collector.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }

        /// A `<tspan>`'s text (a line of a label) is also its `<text>`'s.
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open.reversed() {
                elements[index].text += string
                if elements[index].name != "tspan" { break }
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }

    static func parse(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")\n\(svg)",
                sourceLocation: sourceLocation)
        return collector.elements
    }

    static func series(_ kind: Metrics.Chart.Kind, _ values: [(String, Double)], id: String = "demo",
                       title: String = "Demo chart", unit: Metrics.Unit = .count) -> ChartSeries {
        ChartSeries(id: id, title: title, kind: kind, unit: unit,
                    points: values.map { ChartSeries.Point(label: $0.0, value: $0.1, colour: nil) })
    }

    static func render(_ series: ChartSeries) -> String {
        ChartSVG.render(series, valueText: { NumberText.format($0, unit: series.unit) })
    }

    static func number(_ element: Element, _ attribute: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Double {
        let value = element.attributes[attribute].flatMap(Double.init)
        #expect(value != nil, "\(element.name) has no numeric \(attribute)", sourceLocation: sourceLocation)
        return value ?? .nan
    }

    static let sample: [(String, Double)] = [("Agri-food", 100), ("ICT", 50), ("Energy", 25), ("Health", 0)]

    // MARK: - SVG structure

    @Test(arguments: Metrics.Chart.Kind.allCases)
    func wellFormedAccessibleAndLabelled(kind: Metrics.Chart.Kind) throws {
        let svg = Self.render(Self.series(kind, Self.sample, id: "leverage", title: "Funds raised"))
        let elements = Self.parse(svg)
        let root = try #require(elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "chart-leverage-title")
        #expect(root.attributes["font-family"] == "system-ui, sans-serif")
        let viewBox = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4 && viewBox[2] > 0 && viewBox[3] > 0)
        // The CSS scales the chart with `max-width:100%;height:auto`, which needs width and height
        // in the same ratio as the viewBox.
        #expect(root.attributes["width"].flatMap(Double.init) == viewBox[2])
        #expect(root.attributes["height"].flatMap(Double.init) == viewBox[3])

        let title = try #require(elements.first { $0.name == "title" })
        #expect(title.attributes["id"] == "chart-leverage-title")
        #expect(title.text == "Funds raised")

        let texts = elements.filter { $0.name == "text" }.map(\.text)
        for (label, value) in Self.sample {
            #expect(texts.contains(label), "label \(label) missing from the \(kind) chart")
            #expect(texts.contains(NumberText.format(value, unit: .count)), "value \(value) missing from the \(kind) chart")
        }
        #expect(elements.contains { $0.attributes["class"] == "axis" }, "no axis in the \(kind) chart")
    }

    @Test(arguments: Metrics.Chart.Kind.allCases)
    func selfContained(kind: Metrics.Chart.Kind) {
        let svg = Self.render(Self.series(kind, Self.sample))
        for forbidden in ["<script", "href", "url(", "<image", "<foreignObject", "style="] {
            #expect(!svg.contains(forbidden), "\(kind) chart contains \(forbidden)")
        }
        // No event handler attributes (onclick, onload, …).
        for element in Self.parse(svg) {
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name) has an event handler")
        }
    }

    @Test func idsDifferPerChart() {
        let first = Self.render(Self.series(.bar, Self.sample, id: "one"))
        let second = Self.render(Self.series(.bar, Self.sample, id: "two"))
        #expect(first.contains("id=\"chart-one-title\""))
        #expect(second.contains("id=\"chart-two-title\""))
        #expect(!second.contains("chart-one-title"))
    }

    // MARK: - Geometry

    @Test func barLengthsAreProportional() throws {
        let elements = Self.parse(Self.render(Self.series(.bar, Self.sample)))
        let bars = elements.filter { $0.attributes["class"] == "bar" }
        try #require(bars.count == Self.sample.count)
        let widths = bars.map { Self.number($0, "width") }
        let longest = try #require(widths.first)
        #expect(longest > 100)
        for (width, (_, value)) in zip(widths, Self.sample) {
            #expect(abs(width - longest * value / 100) <= 0.1, "bar for \(value) is \(width) wide")
        }
        // Every bar starts at the axis, and each value sits just past the end of its bar.
        let starts = Set(bars.map { Self.number($0, "x") })
        #expect(starts.count == 1)
        let texts = elements.filter { $0.name == "text" }
        for (bar, (_, value)) in zip(bars, Self.sample) {
            let label = try #require(texts.first { $0.text == NumberText.format(value, unit: .count) })
            #expect(Self.number(label, "x") >= Self.number(bar, "x") + Self.number(bar, "width"))
        }
    }

    @Test func columnHeightsAreProportional() throws {
        let elements = Self.parse(Self.render(Self.series(.column, Self.sample)))
        let columns = elements.filter { $0.attributes["class"] == "bar" }
        try #require(columns.count == Self.sample.count)
        let heights = columns.map { Self.number($0, "height") }
        let tallest = try #require(heights.first)
        #expect(tallest > 100)
        for (height, (_, value)) in zip(heights, Self.sample) {
            #expect(abs(height - tallest * value / 100) <= 0.1, "column for \(value) is \(height) high")
        }
        // All columns stand on the same baseline, left to right in the series' order.
        let bottoms = Set(columns.map { (Self.number($0, "y") + Self.number($0, "height")) * 10 }.map { $0.rounded() })
        #expect(bottoms.count == 1)
        let xs = columns.map { Self.number($0, "x") }
        #expect(xs == xs.sorted() && Set(xs).count == xs.count)
    }

    @Test func linePointsAreProportional() throws {
        let elements = Self.parse(Self.render(Self.series(.line, Self.sample)))
        let axis = try #require(elements.first { $0.attributes["class"] == "axis" })
        let baseline = Self.number(axis, "y1")
        let polyline = try #require(elements.first { $0.name == "polyline" })
        let coordinates = try #require(polyline.attributes["points"]).split(separator: " ").map {
            $0.split(separator: ",").compactMap { Double($0) }
        }
        try #require(coordinates.count == Self.sample.count && coordinates.allSatisfy { $0.count == 2 })
        let rises = coordinates.map { baseline - $0[1] }
        for (rise, (_, value)) in zip(rises, Self.sample) {
            #expect(abs(rise - rises[0] * value / 100) <= 0.1)
        }
        let circles = elements.filter { $0.name == "circle" }
        #expect(circles.count == Self.sample.count)
        #expect(coordinates.map { $0[0] } == coordinates.map { $0[0] }.sorted())
    }

    /// Coordinates are written with at most one decimal, so the output does not vary with
    /// floating-point noise between platforms.
    @Test(arguments: Metrics.Chart.Kind.allCases)
    func coordinatesHaveAtMostOneDecimal(kind: Metrics.Chart.Kind) throws {
        let values: [(String, Double)] = [("a", 1 / 3), ("b", 2 / 7), ("c", 1e6 / 3), ("d", 0.1)]
        let pattern = try Regex("^-?[0-9]+(\\.[0-9])?$")
        let numeric = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]
        for element in Self.parse(Self.render(Self.series(kind, values))) {
            for name in numeric {
                guard let value = element.attributes[name] else { continue }
                #expect(value.wholeMatch(of: pattern) != nil, "\(element.name) \(name)=\"\(value)\"")
            }
            for list in [element.attributes["viewBox"], element.attributes["points"]].compactMap({ $0 }) {
                for token in list.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    #expect(String(token).wholeMatch(of: pattern) != nil, "\(element.name): \(token)")
                }
            }
        }
    }

    // MARK: - Colours

    /// WCAG 1.4.11: graphics need 3:1 against the white page, text 4.5:1.
    @Test(arguments: Metrics.Chart.Kind.allCases)
    func coloursContrastWithWhite(kind: Metrics.Chart.Kind) {
        func contrast(_ colour: String) -> Double { 1.05 / (Contrast.relativeLuminance(colour) + 0.05) }
        for element in Self.parse(Self.render(Self.series(kind, Self.sample))) {
            for attribute in ["fill", "stroke"] {
                guard let colour = element.attributes[attribute], colour != "none" else { continue }
                let needed = element.name == "text" ? 4.5 : 3
                #expect(contrast(colour) >= needed, "\(element.name) \(attribute)=\(colour)")
            }
            if element.name == "text" { #expect(element.attributes["fill"] == "#1a1a1a") }
        }
    }

    @Test func pointColoursWinOverTheDefault() {
        var series = Self.series(.bar, [("Agri-food", 3), ("ICT", 2)])
        series.points[0].colour = "#2e6b30"
        let svg = ChartSVG.render(series, valueText: { NumberText.format($0, unit: .count) }, defaultColour: "#123456")
        let fills = Self.parse(svg).filter { $0.attributes["class"] == "bar" }.map { $0.attributes["fill"] }
        #expect(fills == ["#2e6b30", "#123456"])
    }

    // MARK: - Text

    @Test(arguments: Metrics.Chart.Kind.allCases)
    func textIsEscaped(kind: Metrics.Chart.Kind) throws {
        let label = "<script>x</script>"
        let title = "R&D \"leverage\" <2018>"
        let svg = Self.render(Self.series(kind, [(label, 1), ("A & B", 2)], title: title))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("A &amp; B"))
        let elements = Self.parse(svg)
        #expect(elements.first { $0.name == "title" }?.text == title)
        #expect(!elements.contains { $0.name == "script" })
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.contains(label))
        #expect(texts.contains("A & B"))
    }

    /// Every `<text>` of `svg` as the lines it draws, each with the left and right ends of its
    /// estimated extent (the estimate the charts fit their labels with).
    static func textExtents(_ elements: [Element]) -> [(line: String, left: Double, right: Double)] {
        var extents: [(String, Double, Double)] = []
        var anchor = "start"
        for (index, element) in elements.enumerated() where element.name == "text" || element.name == "tspan" {
            if element.name == "text" { anchor = element.attributes["text-anchor"] ?? "start" }
            // A text of several lines is measured by its lines.
            let hasLines = element.name == "text" && elements.indices.contains(index + 1) && elements[index + 1].name == "tspan"
            guard !hasLines, let x = element.attributes["x"].flatMap(Double.init) else { continue }
            let width = ChartLabel.estimatedWidth(element.text)
            let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
            extents.append((element.text, left, left + width))
        }
        return extents
    }

    /// Long labels (the editors' own, as long as the contract lets them be) and long values:
    /// every line drawn stays inside the drawing, a cut label carries its full text in a
    /// `<title>`, and no label is dropped.
    @Test(arguments: Metrics.Chart.Kind.allCases)
    func longLabelsAndValuesStayInsideTheDrawing(kind: Metrics.Chart.Kind) throws {
        let long = String(repeating: "Sustainable aquaculture monitoring ", count: 4).trimmingCharacters(in: .whitespaces)
        let cases: [[(String, Double)]] = [
            [("Direct funding to SMEs (whole programme)", 1_500_000), ("Raised by the SMEs in 2018", 1_700_000)],
            [(long, 1_500_000_000)],
            [(long, 1), ("Short", 2), (String(repeating: "Unbreakablewordwithoutspaces", count: 5), 3)],
            (1...8).map { ("\(long) \($0)", Double($0) * 1_000_000) },
            (1...12).map { ("研究开发项目资助计划第\($0)期", Double($0)) },
        ]
        for points in cases {
            let elements = Self.parse(ChartSVG.render(Self.series(kind, points, unit: .eur), valueText: { NumberText.format($0, unit: .eur) }))
            let width = Self.number(try #require(elements.first), "width")
            for (line, left, right) in Self.textExtents(elements) where !line.isEmpty {
                #expect(left >= 0 && right <= width, "\(kind): '\(line)' drawn from \(left) to \(right), outside 0…\(width)")
            }
            let titles = elements.filter { $0.name == "title" }.dropFirst().map(\.text)
            for (label, _) in points {
                let drawn = elements.contains { $0.name == "text" && $0.text.filter { $0 != " " } == label.filter { $0 != " " } }
                #expect(drawn || titles.contains(label), "\(kind): '\(label)' neither drawn whole nor given in a <title>")
            }
        }
    }

    @Test func aLabelIsWrappedBeforeItIsCut() {
        let wrapped = ChartLabel("Direct funding to SMEs (whole programme)", width: 188)
        #expect(wrapped.lines == ["Direct funding to SMEs", "(whole programme)"])
        #expect(!wrapped.isShortened)
        let cut = ChartLabel(String(repeating: "word ", count: 40), width: 100)
        #expect(cut.lines.count == 2)
        #expect(cut.isShortened && cut.lines[1].hasSuffix("…"))
        #expect(cut.width <= 100)
        #expect(ChartLabel("Short", width: 100).lines == ["Short"])
    }

    @Test(arguments: Metrics.Chart.Kind.allCases)
    func edgeCasesStayWellFormed(kind: Metrics.Chart.Kind) throws {
        let cases: [[(String, Double)]] = [[], [("Only", 7)], [("Zero", 0)], [("a", 0), ("b", 0), ("c", 0)], [("a", 0), ("b", 5)]]
        for values in cases {
            let svg = Self.render(Self.series(kind, values))
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(kind) \(values): \(svg)")
            let elements = Self.parse(svg)
            let root = try #require(elements.first)
            #expect(root.attributes["viewBox"] != nil)
            for element in elements {
                for name in ["width", "height"] {
                    if let value = element.attributes[name].flatMap(Double.init) { #expect(value >= 0) }
                }
            }
            for (label, _) in values {
                #expect(elements.contains { $0.name == "text" && $0.text == label }, "\(kind) \(values) lacks \(label)")
            }
        }
    }

    @Test func onePointLineIsCentredInsideTheChart() throws {
        let elements = Self.parse(Self.render(Self.series(.line, [("2018", 42)])))
        let root = try #require(elements.first)
        let width = Self.number(root, "width")
        let circle = try #require(elements.first { $0.name == "circle" })
        let x = Self.number(circle, "cx")
        #expect(x > 0 && x < width)
    }

    // MARK: - Determinism

    @Test(arguments: Metrics.Chart.Kind.allCases)
    func renderingIsDeterministic(kind: Metrics.Chart.Kind) {
        let series = Self.series(kind, Self.sample + [("Ünïcödé & more", 1234.56)])
        #expect(Self.render(series) == Self.render(series))
    }

    // MARK: - ChartSeries

    @Test func seriesFromMetricsChart() {
        let location = FolioKit.SourceLocation(file: "data/metrics.yaml", line: 3)
        let chart = Metrics.Chart(id: Located("leverage", at: location), title: "Leverage", kind: .line, unit: .eur,
                                  points: [.init(label: "2017", value: 800_000), .init(label: "2018", value: 1_700_000)])
        let series = ChartSeries(chart)
        #expect(series.id == "leverage")
        #expect(series.title == "Leverage")
        #expect(series.kind == .line)
        #expect(series.unit == .eur)
        #expect(series.points.map(\.label) == ["2017", "2018"])
        #expect(series.points.map(\.value) == [800_000, 1_700_000])
        #expect(series.points.allSatisfy { $0.colour == nil })
    }

    // MARK: - NumberText

    @Test(arguments: [
        (1_500_000, Metrics.Unit.eur, "EUR 1,500,000"),
        (46_000, .eur, "EUR 46,000"),
        (0, .eur, "EUR 0"),
        (1_234, .count, "1,234"),
        (999, .count, "999"),
        (1_000, .count, "1,000"),
        (12_345_678, .count, "12,345,678"),
        (85, .percent, "85 %"),
        (37.5, .percent, "37.5 %"),
        (4.44, .count, "4.4"),
        (4.46, .count, "4.5"),
        (1_234.96, .count, "1,235"),
        (999.96, .count, "1,000"),
        (0.04, .count, "0"),
        (-1_500, .count, "-1,500"),
        (-0.04, .count, "0"),
    ] as [(Double, Metrics.Unit, String)])
    func numberText(value: Double, unit: Metrics.Unit, expected: String) {
        #expect(NumberText.format(value, unit: unit) == expected)
    }

    @Test func numberTextTakesItsWordsFromTheCaller() {
        #expect(NumberText.format(1_500_000, unit: .eur, groupSeparator: "\u{202F}", currencyPrefix: "€\u{00A0}")
            == "€\u{00A0}1\u{202F}500\u{202F}000")
        #expect(NumberText.format(85, unit: .percent, percentSuffix: "%") == "85%")
        #expect(NumberText.grouped(1_234.5, separator: ".", decimalSeparator: ",") == "1.234,5")
    }

    // MARK: - DerivedMetrics

    static let here = FolioKit.SourceLocation(file: "test")

    static func project(_ slug: String, sectors: [String], countries: [String], call: String,
                        funding: Double, stage: Project.Stage?) -> Project {
        Project(slug: slug, source: SourceFile(path: "projects/\(slug).md", text: ""), title: slug.uppercased(),
                acronym: nil, summary: Located("Summary", at: here),
                sectors: sectors.map { Located($0, at: here) }, countries: countries.map { Located($0, at: here) },
                call: call, fundingEUR: Located(funding, at: here), stage: stage.map { Located($0.rawValue, at: here) },
                partners: [.init(name: "Partner", country: Located(countries[0], at: here), url: nil, role: nil)],
                website: nil, image: nil, tags: [], body: .empty,
                listLocations: .init(sectors: here, countries: here, partners: here))
    }

    /// Sectors deliberately not in alphabetical order, so an order taken from a sort (or a
    /// dictionary) rather than from site.yaml shows up.
    static func content(_ projects: [Project]) -> SiteContent {
        let sectors = [("ict", "ICT", "#5b3a99"), ("agrifood", "Agri-food", "#2e6b30"), ("energy", "Energy", "#8a4b00")]
        let config = SiteConfig(
            title: "Demo", tagline: nil, language: Located("en", at: here), baseURL: nil, fundingNotice: "EU",
            sectors: sectors.map { .init(id: Located($0.0, at: here), name: $0.1, colour: Located($0.2, at: here)) },
            booklet: .init(title: "Booklet", subtitle: nil, publisher: nil,
                           identifier: Located("urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc", at: here),
                           date: Located("2019-05-31", at: here), cover: nil),
            menu: [])
        return SiteContent(config: config, projects: projects, news: [], pages: [], metrics: .empty,
                           media: [], folder: URL(fileURLWithPath: "/nonexistent"))
    }

    static let projects = [
        project("alpha", sectors: ["agrifood"], countries: ["FR", "DE"], call: "Open Call 2 (2018)", funding: 100_000, stage: .pilot),
        project("beta", sectors: ["ict", "agrifood"], countries: ["FR"], call: "Open Call 1 (2017)", funding: 200_000, stage: nil),
        project("gamma", sectors: ["energy", "ict"], countries: ["IT"], call: "Open Call 1 (2017)", funding: 50_000, stage: .research),
        project("delta", sectors: ["agrifood", "energy"], countries: ["DE"], call: "Open Call 2 (2018)", funding: 0, stage: .market),
        project("epsilon", sectors: ["ict"], countries: ["ES"], call: "Open Call 1 (2017)", funding: 25_000.5, stage: .research),
    ]

    @Test func derivedFromProjects() {
        let derived = DerivedMetrics(Self.content(Self.projects))
        #expect(derived.sectorIDs == ["ict", "agrifood", "energy"])
        #expect(derived.projectsPerSector == [3, 3, 2])
        #expect(derived.fundingPerSector == [275_000.5, 300_000, 50_000])
        // Count first, then code: DE and FR tie on 2, ES and IT on 1.
        #expect(derived.projectsPerCountry.map(\.0) == ["DE", "FR", "ES", "IT"])
        #expect(derived.projectsPerCountry.map(\.1) == [2, 2, 1, 1])
        #expect(derived.projectsPerCall.map(\.0) == ["Open Call 1 (2017)", "Open Call 2 (2018)"])
        #expect(derived.projectsPerCall.map(\.1) == [3, 2])
        // In the stages' own order, not by count or name.
        #expect(derived.projectsPerStage.map(\.0) == ["research", "pilot", "market"])
        #expect(derived.projectsPerStage.map(\.1) == [2, 1, 1])
        #expect(derived.crossSectoralShare == 3.0 / 5.0)
        #expect(derived.sectorMatrix == [
            [3, 1, 1],
            [1, 3, 1],
            [1, 1, 2],
        ])
    }

    @Test func matrixIsSymmetricWithSectorCountsOnTheDiagonal() {
        let derived = DerivedMetrics(Self.content(Self.projects))
        for i in derived.sectorIDs.indices {
            #expect(derived.sectorMatrix[i][i] == derived.projectsPerSector[i])
            for j in derived.sectorIDs.indices { #expect(derived.sectorMatrix[i][j] == derived.sectorMatrix[j][i]) }
        }
    }

    @Test func derivedFromNoProjects() {
        let derived = DerivedMetrics(Self.content([]))
        #expect(derived.projectsPerSector == [0, 0, 0])
        #expect(derived.fundingPerSector == [0, 0, 0])
        #expect(derived.projectsPerCountry.isEmpty)
        #expect(derived.projectsPerCall.isEmpty)
        #expect(derived.projectsPerStage.isEmpty)
        #expect(derived.crossSectoralShare == 0)
        #expect(derived.sectorMatrix == [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
    }

    /// The same projects in another order give the same figures in the same order.
    @Test func derivedIsDeterministic() {
        let forward = DerivedMetrics(Self.content(Self.projects))
        let backward = DerivedMetrics(Self.content(Self.projects.reversed()))
        #expect(forward.projectsPerCountry.map { "\($0.0)=\($0.1)" } == backward.projectsPerCountry.map { "\($0.0)=\($0.1)" })
        #expect(forward.projectsPerCall.map { "\($0.0)=\($0.1)" } == backward.projectsPerCall.map { "\($0.0)=\($0.1)" })
        #expect(forward.projectsPerStage.map { "\($0.0)=\($0.1)" } == backward.projectsPerStage.map { "\($0.0)=\($0.1)" })
        #expect(forward.sectorMatrix == backward.sectorMatrix)
        #expect(forward.fundingPerSector == backward.fundingPerSector)
    }
}
