/// File-name rules: a slug is lowercase ASCII letters, digits and single hyphens.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The nearest valid slug, for hints: lowercased, other characters turned into single hyphens.
    static func suggest(for name: String) -> String? {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return isValid(result) ? result : nil
    }

    static func problem(with slug: String, section: String) -> (message: String, suggestion: String?)? {
        if section == "news" {
            let parts = slug.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
            let datePart = parts.prefix(3).joined(separator: "-")
            guard parts.count == 4, DateText.isValid(datePart), isValid(String(parts[3])) else {
                return ("news file names must be 'YYYY-MM-DD-slug.md' with a real date and a slug of lowercase letters, digits and single hyphens",
                        nil)
            }
            return nil
        }
        guard isValid(slug) else {
            return ("file name '\(Printable.short(slug)).md' is not a valid slug: use lowercase letters a-z, digits and single hyphens",
                    suggest(for: slug))
        }
        return nil
    }
}
