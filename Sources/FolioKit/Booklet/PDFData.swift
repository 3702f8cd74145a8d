/// The data the PDF's Typst template reads with `json()`: every word of content travels as a
/// JSON string, never as Typst markup, so nothing an editor writes can run as Typst code.
/// Objects keep their keys in the order given, so the same model always gives the same bytes.
indirect enum PDFData: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([PDFData])
    case object([(String, PDFData)])

    static func == (lhs: PDFData, rhs: PDFData) -> Bool { lhs.json == rhs.json }

    /// An object without the keys whose value is nil.
    static func fields(_ pairs: KeyValuePairs<String, PDFData?>) -> PDFData {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    var json: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.quote(pair.0, into: &out)
                out += ":"
                pair.1.write(into: &out)
            }
            out += "}"
        }
    }

    /// JSON string escaping (RFC 8259): quotes, backslashes and control characters.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension PDFData: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
