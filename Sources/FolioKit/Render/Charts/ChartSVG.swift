/// Draws a chart as inline SVG at build time: no JavaScript, readable without CSS, and
/// well-formed XML so the same markup serves the site and the EPUB. The accessible name is the
/// `<title>`; the numbers themselves are in the data table the templates put beside it.
enum ChartSVG {
    static let width = 640.0
    static let textColour = "#1a1a1a"

    static func render(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String = "#1f4e8c") -> String {
        let titleID = "chart-\(series.id)-title"
        let body: (svg: String, height: Double)
        switch series.kind {
        case .bar: body = bars(series, valueText: valueText, defaultColour: defaultColour)
        case .column: body = columns(series, valueText: valueText, defaultColour: defaultColour)
        case .line: body = line(series, valueText: valueText, defaultColour: defaultColour)
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-\(series.kind.rawValue)\" viewBox=\"0 0 \(n(width)) \(n(body.height))\" "
            + "width=\"\(n(width))\" height=\"\(n(body.height))\" role=\"img\" aria-labelledby=\"\(titleID)\" "
            + "font-family=\"system-ui, sans-serif\" font-size=\"13\">"
            + "<title id=\"\(titleID)\">\(XMLText.escape(series.title))</title>" + body.svg + "</svg>"
    }

    /// Coordinates with at most one decimal, so output is stable across platforms.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(format: "%.1f", Double(tenths) / 10)
    }

    private static func maximum(_ series: ChartSeries) -> Double {
        max(series.points.map(\.value).max() ?? 0, 1e-9)
    }

    private static func text(_ string: String, x: Double, y: Double, anchor: String = "start", extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(textColour)\"\(extra)>\(XMLText.escape(string))</text>"
    }

    private static func shortened(_ label: String, to limit: Int) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    /// Horizontal bars: labels on the left, values at the bar ends.
    private static func bars(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let labelWidth = 200.0, valueWidth = 120.0, rowHeight = 30.0, top = 10.0
        let plot = width - labelWidth - valueWidth
        let peak = maximum(series)
        var svg = ""
        for (index, point) in series.points.enumerated() {
            let y = top + Double(index) * rowHeight
            let length = max(0, point.value) / peak * plot
            svg += text(shortened(point.label, to: 30), x: labelWidth - 8, y: y + 19, anchor: "end")
            svg += "<rect class=\"bar\" x=\"\(n(labelWidth))\" y=\"\(n(y + 5))\" width=\"\(n(length))\" height=\"\(n(rowHeight - 10))\" fill=\"\(point.colour ?? defaultColour)\"/>"
            svg += text(valueText(point.value), x: labelWidth + length + 6, y: y + 19)
        }
        let height = top * 2 + Double(series.points.count) * rowHeight
        svg += "<line class=\"axis\" x1=\"\(n(labelWidth))\" y1=\"\(n(top))\" x2=\"\(n(labelWidth))\" y2=\"\(n(height - top))\" stroke=\"\(textColour)\"/>"
        return (svg, height)
    }

    /// Vertical columns: values above, labels below.
    private static func columns(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let top = 24.0, plot = 220.0, labelSpace = 40.0, side = 20.0
        let count = Double(max(series.points.count, 1))
        let slot = (width - side * 2) / count
        let peak = maximum(series)
        let baseline = top + plot
        var svg = ""
        let limit = max(6, Int(slot / 7.5))
        for (index, point) in series.points.enumerated() {
            let x = side + Double(index) * slot
            let height = max(0, point.value) / peak * plot
            svg += "<rect class=\"bar\" x=\"\(n(x + slot * 0.2))\" y=\"\(n(baseline - height))\" width=\"\(n(slot * 0.6))\" height=\"\(n(height))\" fill=\"\(point.colour ?? defaultColour)\"/>"
            svg += text(valueText(point.value), x: x + slot / 2, y: baseline - height - 6, anchor: "middle")
            svg += text(shortened(point.label, to: limit), x: x + slot / 2, y: baseline + 18, anchor: "middle")
        }
        svg += "<line class=\"axis\" x1=\"\(n(side))\" y1=\"\(n(baseline))\" x2=\"\(n(width - side))\" y2=\"\(n(baseline))\" stroke=\"\(textColour)\"/>"
        return (svg, baseline + labelSpace)
    }

    /// A line through the points, each marked and labelled.
    private static func line(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let top = 24.0, plot = 220.0, labelSpace = 40.0, side = 50.0
        let peak = maximum(series)
        let baseline = top + plot
        let step = series.points.count > 1 ? (width - side * 2) / Double(series.points.count - 1) : 0
        let limit = max(6, Int((series.points.count > 1 ? step : width) / 7.5))
        let coordinates = series.points.enumerated().map { index, point in
            (x: series.points.count > 1 ? side + Double(index) * step : width / 2, y: baseline - max(0, point.value) / peak * plot)
        }
        var svg = "<line class=\"axis\" x1=\"\(n(side))\" y1=\"\(n(baseline))\" x2=\"\(n(width - side))\" y2=\"\(n(baseline))\" stroke=\"\(textColour)\"/>"
        svg += "<polyline class=\"line\" fill=\"none\" stroke=\"\(defaultColour)\" stroke-width=\"3\" points=\"\(coordinates.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))\"/>"
        for (point, position) in zip(series.points, coordinates) {
            svg += "<circle class=\"point\" cx=\"\(n(position.x))\" cy=\"\(n(position.y))\" r=\"5\" fill=\"\(defaultColour)\"/>"
            svg += text(valueText(point.value), x: position.x, y: position.y - 10, anchor: "middle")
            svg += text(shortened(point.label, to: limit), x: position.x, y: baseline + 18, anchor: "middle")
        }
        return (svg, baseline + labelSpace)
    }
}

import Foundation
