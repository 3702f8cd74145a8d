/// Rules for `site.yaml`.
enum SiteConfigRules {
    static func check(_ config: SiteConfig, targets: LinkTargets) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if !isLanguageTag(config.language.value) {
            diagnostics.append(.error(at: config.language.location, "'language' must be a BCP 47 tag such as en, es or pt-PT, not '\(Printable.short(config.language.value))'"))
        }
        if let baseURL = config.baseURL { diagnostics += FieldRules.absoluteURL(baseURL, key: "base_url") }
        if config.sectors.isEmpty {
            diagnostics.append(.error(at: SourceLocation(file: "site.yaml"), "'sectors' needs at least one sector"))
        }
        for sector in config.sectors {
            if !Slug.isValid(sector.id.value) {
                diagnostics.append(.error(at: sector.id.location, "sector id '\(Printable.short(sector.id.value))' must use lowercase letters, digits and single hyphens",
                                          suggestion: Slug.suggest(for: sector.id.value)))
            }
            if !isHexColour(sector.colour.value) {
                diagnostics.append(.error(at: sector.colour.location, "colour must be written #rrggbb, such as #1f4e8c, not '\(Printable.short(sector.colour.value))'"))
            }
        }
        let booklet = config.booklet
        if !isIdentifier(booklet.identifier.value) {
            diagnostics.append(.error(at: booklet.identifier.location, "booklet identifier must be 'urn:uuid:' followed by a UUID, or an ISBN, not '\(Printable.short(booklet.identifier.value))'"))
        }
        diagnostics += FieldRules.date(booklet.date, key: "date")
        if let cover = booklet.cover { diagnostics += LinkRules.checkMediaPath(cover, key: "cover", targets: targets) }
        if let paper = booklet.paper, !["a4", "a5"].contains(paper.value.lowercased()) {
            diagnostics.append(.error(at: paper.location, "booklet paper must be a4 or a5, not '\(paper.value)'"))
        }
        if let pdf = booklet.pdf, !["true", "false"].contains(pdf.value.lowercased()) {
            diagnostics.append(.error(at: pdf.location, "booklet pdf must be true or false, not '\(pdf.value)'",
                                      suggestion: "false"))
        }
        for item in config.menu {
            let link = ContentLink.resolve(item.link.value, from: "site.yaml")
            if let (message, hint) = targets.problem(with: link, writtenAs: item.link.value, in: "site.yaml") {
                diagnostics.append(.error(at: item.link.location, message, suggestion: hint))
            } else if case .content(let path, _) = link, path.hasPrefix("media/") {
                diagnostics.append(.error(at: item.link.location, "menu links point at pages or sections, not media files"))
            } else if case .external(let url) = link, !MenuLink.isWebAddress(url) {
                diagnostics.append(.error(at: item.link.location, "menu links point at pages, sections or web addresses (http:// or https://), not '\(url)'"))
            }
        }
        return diagnostics
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    static func isIdentifier(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.hasPrefix("urn:uuid:") {
            let uuid = lowered.dropFirst(9)
            let groups = uuid.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
            return groups == [8, 4, 4, 4, 12] && uuid.allSatisfy { $0.isHexDigit || $0 == "-" }
        }
        let isbn = lowered.replacingOccurrences(of: "urn:isbn:", with: "").replacingOccurrences(of: "isbn", with: "")
            .filter { $0 != "-" && $0 != " " && $0 != ":" }
        return (isbn.count == 13 && isbn.allSatisfy(\.isNumber)) || (isbn.count == 10 && isbn.dropLast().allSatisfy(\.isNumber))
    }
}

import Foundation
