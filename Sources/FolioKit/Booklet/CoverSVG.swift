/// The booklet's cover when the editors give none: drawn at build time from the title and the
/// sector colours, so every booklet has a cover that belongs to its programme.
enum CoverSVG {
    static let path = "cover.svg"

    static func render(title: String, subtitle: String?, colours: [String]) -> String {
        let width = 600.0, height = 800.0
        let stripe = width / Double(max(colours.count, 1))
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"800\" viewBox=\"0 0 600 800\">"
        svg += "<title>\(XMLText.escape(title))</title>"
        svg += "<rect width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#0b2545\"/>"
        for (index, colour) in colours.enumerated() {
            svg += "<rect x=\"\(ChartSVG.n(Double(index) * stripe))\" y=\"560\" width=\"\(ChartSVG.n(stripe))\" height=\"240\" fill=\"\(XMLText.escape(colour))\"/>"
        }
        var y = 200.0
        for line in wrap(title, width: 18) {
            svg += "<text x=\"50\" y=\"\(Int(y))\" fill=\"#ffffff\" font-family=\"sans-serif\" font-size=\"48\" font-weight=\"bold\">\(XMLText.escape(line))</text>"
            y += 58
        }
        for line in wrap(subtitle ?? "", width: 36) {
            svg += "<text x=\"50\" y=\"\(Int(y + 10))\" fill=\"#dbe7f5\" font-family=\"sans-serif\" font-size=\"24\">\(XMLText.escape(line))</text>"
            y += 32
        }
        return svg + "</svg>\n"
    }

    /// Greedy word wrap by character count: good enough for a cover's few words.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return Array(lines.prefix(5))
    }
}
