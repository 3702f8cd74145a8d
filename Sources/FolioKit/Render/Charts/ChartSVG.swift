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

    /// A label fitted into `width` (see `ChartLabel`), its first line's baseline at `y`; the full
    /// text goes in a `<title>` when it had to be cut.
    private static func label(_ fitted: ChartLabel, full: String, x: Double, y: Double, anchor: String) -> String {
        let drawn: String
        if fitted.lines.count == 1 {
            drawn = text(fitted.lines[0], x: x, y: y, anchor: anchor)
        } else {
            drawn = "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(textColour)\">"
                + fitted.lines.enumerated().map { index, line in
                    "<tspan x=\"\(n(x))\" y=\"\(n(y + Double(index) * ChartLabel.lineHeight))\">\(XMLText.escape(line))</tspan>"
                }.joined() + "</text>"
        }
        return fitted.isShortened ? "<g class=\"label\"><title>\(XMLText.escape(full))</title>\(drawn)</g>" : drawn
    }

    /// Where to centre a text of `width` near `x` so that it stays inside the drawing.
    private static func centred(_ x: Double, width textWidth: Double) -> Double {
        min(max(x, textWidth / 2 + 2), width - textWidth / 2 - 2)
    }

    /// Horizontal bars: labels on the left, values at the bar ends.
    private static func bars(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let top = 10.0
        // Room for the longest value after the longest bar, and for the labels up to 260 px.
        let valueWidth = min(max(120, (series.points.map { ChartLabel.estimatedWidth(valueText($0.value)) }.max() ?? 0) + 12), 240)
        let labelWidth = min(260, max(120, (series.points.map { ChartLabel.estimatedWidth($0.label) }.max() ?? 0) + 20))
        let labels = series.points.map { ChartLabel($0.label, width: labelWidth - 12) }
        let rowHeight = labels.contains { $0.lines.count > 1 } ? 40.0 : 30.0
        let plot = width - labelWidth - valueWidth
        let peak = maximum(series)
        var svg = ""
        for (index, (point, fitted)) in zip(series.points, labels).enumerated() {
            let y = top + Double(index) * rowHeight
            let length = max(0, point.value) / peak * plot
            let firstBaseline = y + rowHeight / 2 + 4 - Double(fitted.lines.count - 1) * ChartLabel.lineHeight / 2
            svg += label(fitted, full: point.label, x: labelWidth - 8, y: firstBaseline, anchor: "end")
            svg += "<rect class=\"bar\" x=\"\(n(labelWidth))\" y=\"\(n(y + 5))\" width=\"\(n(length))\" height=\"\(n(rowHeight - 10))\" fill=\"\(point.colour ?? defaultColour)\"/>"
            svg += text(valueText(point.value), x: labelWidth + length + 6, y: y + rowHeight / 2 + 4)
        }
        let height = top * 2 + Double(series.points.count) * rowHeight
        svg += "<line class=\"axis\" x1=\"\(n(labelWidth))\" y1=\"\(n(top))\" x2=\"\(n(labelWidth))\" y2=\"\(n(height - top))\" stroke=\"\(textColour)\"/>"
        return (svg, height)
    }

    /// Vertical columns: values above, labels below (two lines at most, each within its column).
    private static func columns(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let top = 24.0, plot = 220.0, labelSpace = 40.0, side = 20.0
        let count = Double(max(series.points.count, 1))
        let slot = (width - side * 2) / count
        let peak = maximum(series)
        let baseline = top + plot
        var svg = ""
        for (index, point) in series.points.enumerated() {
            let x = side + Double(index) * slot
            let height = max(0, point.value) / peak * plot
            let value = valueText(point.value)
            svg += "<rect class=\"bar\" x=\"\(n(x + slot * 0.2))\" y=\"\(n(baseline - height))\" width=\"\(n(slot * 0.6))\" height=\"\(n(height))\" fill=\"\(point.colour ?? defaultColour)\"/>"
            svg += text(value, x: centred(x + slot / 2, width: ChartLabel.estimatedWidth(value)), y: baseline - height - 6, anchor: "middle")
            svg += label(ChartLabel(point.label, width: slot - 4), full: point.label, x: x + slot / 2, y: baseline + 18, anchor: "middle")
        }
        svg += "<line class=\"axis\" x1=\"\(n(side))\" y1=\"\(n(baseline))\" x2=\"\(n(width - side))\" y2=\"\(n(baseline))\" stroke=\"\(textColour)\"/>"
        return (svg, baseline + labelSpace)
    }

    /// A line through the points, each marked and labelled; a label never reaches past its
    /// neighbours' or the drawing's edge.
    private static func line(_ series: ChartSeries, valueText: (Double) -> String, defaultColour: String) -> (String, Double) {
        let top = 24.0, plot = 220.0, labelSpace = 40.0, side = 50.0
        let peak = maximum(series)
        let baseline = top + plot
        let step = series.points.count > 1 ? (width - side * 2) / Double(series.points.count - 1) : width - side * 2
        let coordinates = series.points.enumerated().map { index, point in
            (x: series.points.count > 1 ? side + Double(index) * step : width / 2, y: baseline - max(0, point.value) / peak * plot)
        }
        var svg = "<line class=\"axis\" x1=\"\(n(side))\" y1=\"\(n(baseline))\" x2=\"\(n(width - side))\" y2=\"\(n(baseline))\" stroke=\"\(textColour)\"/>"
        svg += "<polyline class=\"line\" fill=\"none\" stroke=\"\(defaultColour)\" stroke-width=\"3\" points=\"\(coordinates.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))\"/>"
        for (point, position) in zip(series.points, coordinates) {
            let value = valueText(point.value)
            let room = min(step - 4, 2 * (position.x - 2), 2 * (width - position.x - 2))
            svg += "<circle class=\"point\" cx=\"\(n(position.x))\" cy=\"\(n(position.y))\" r=\"5\" fill=\"\(defaultColour)\"/>"
            svg += text(value, x: centred(position.x, width: ChartLabel.estimatedWidth(value)), y: position.y - 10, anchor: "middle")
            svg += label(ChartLabel(point.label, width: room), full: point.label, x: position.x, y: baseline + 18, anchor: "middle")
        }
        return (svg, baseline + labelSpace)
    }
}
