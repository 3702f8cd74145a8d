/// Escaping for XML text and attribute values: Folio's own, for XML written by hand (feed,
/// sitemap, EPUB package), and libxml2's, for runs joined into markup libxml2 wrote (`BodyMarkup`).
enum XMLText {
    static func escape(_ text: String) -> String {
        replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            // Control characters are not allowed in XML 1.0 at all; they are dropped.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": ""
            default: nil
            }
        }
    }

    /// An attribute value as libxml2 writes it into a UTF-8 document.
    static func libxml2Attribute(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x22 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 < 0x20 }) else { return value }
        return replacing(value) { scalar in
            switch scalar {
            case "\"": "&quot;"
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            case "\t": "&#9;"
            default: nil
            }
        }
    }

    /// Text as libxml2 writes it into a UTF-8 document.
    static func libxml2Text(_ text: String) -> String {
        replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// `text` with each scalar that `replacement` names written as it says, the rest as it is.
    private static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { result += replaced } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
