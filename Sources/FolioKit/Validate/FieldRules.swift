/// Format rules shared by several files: URLs, summaries, country codes, dates.
enum FieldRules {
    static let summaryLimit = 300

    static func absoluteURL(_ value: Located<String>, key: String) -> [Diagnostic] {
        let text = value.value.lowercased()
        guard text.hasPrefix("http://") || text.hasPrefix("https://"),
              value.value.count > 8, !value.value.contains(" ") else {
            return [.error(at: value.location, "'\(key)' must be an absolute http(s) address such as https://example.org/, not '\(value.value)'")]
        }
        return []
    }

    static func summary(_ value: Located<String>) -> [Diagnostic] {
        let length = value.value.count
        guard length <= summaryLimit else {
            return [.error(at: value.location, "summary is \(length) characters long; keep it to \(summaryLimit) at most")]
        }
        return []
    }

    static func country(_ value: Located<String>, key: String) -> [Diagnostic] {
        let code = value.value
        if CountryCodes.all.contains(code) { return [] }
        if CountryCodes.all.contains(code.uppercased()) {
            return [.error(at: value.location, "country codes are written in upper case", suggestion: code.uppercased())]
        }
        // No near-miss hint: two-letter codes are all one edit apart, so a guess would mislead.
        return [.error(at: value.location, "'\(code)' in '\(key)' is not an ISO 3166-1 alpha-2 country code such as ES, IE, NL, PL or PT")]
    }

    static func date(_ value: Located<String>, key: String) -> [Diagnostic] {
        DateText.isValid(value.value) ? [] : [.error(at: value.location, "'\(key)' must be a real date written YYYY-MM-DD, not '\(value.value)'")]
    }
}

import Foundation
