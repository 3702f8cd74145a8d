/// Editor-written text as messages quote it: at most `limit` characters (the rest shown as
/// '…'), with control characters escaped, so that a key a megabyte long or holding terminal
/// escape codes makes a one-line message that does nothing to the terminal.
enum Printable {
    static func short(_ text: String, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return result + "…" }
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
