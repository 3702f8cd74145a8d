import Foundation
import Testing
@testable import FolioKit

/// Every rule of the content contract, one mistake at a time: each must give exactly the
/// expected error at the right file, line and column, and the valid tree must give none.
@Suite struct ContractTests {
    static let site = """
    title: Demo
    language: en
    base_url: https://demo.example.eu/
    funding_notice: Funded by the EU.
    sectors:
      agrifood: {name: Agri-food, colour: "#2e6b30"}
      ict: {name: ICT, colour: "#5b3a99"}
    booklet:
      title: Demo booklet
      identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
      date: 2019-05-31
      cover: media/cover.svg
    menu:
      - {title: About, link: pages/about.md}
    """

    static let project = """
    ---
    title: Field drone
    summary: Drones over fields.
    sectors: [agrifood, ict]
    countries: [ES, PL]
    call: Open Call 1 (2017)
    funding_eur: 30000
    stage: market
    partners:
      - {name: Campo Datos S.L., country: ES, url: https://campo.example.com}
    image: {src: media/cover.svg, alt: A drawn cover}
    ---
    ## Challenge

    See [the page](../pages/about.md#team).
    """

    static let news = """
    ---
    title: Final conference
    date: 2019-05-21
    summary: In Madrid.
    event: {start: 2019-05-21, end: 2019-05-23, place: Madrid}
    ---
    Body.
    """

    static let page = """
    ---
    title: About
    menu_order: 1
    ---
    ## Team

    We are a team.
    """

    static let metrics = """
    figures:
      - {id: funding, label: Funding, value: 1500000, unit: EUR}
    charts:
      - id: leverage
        title: Leverage
        kind: bar
        unit: EUR
        points:
          - {label: A, value: 1}
    """

    static let files: [String: String] = [
        "site.yaml": site, "projects/field-drone.md": project, "news/2019-05-21-final-conference.md": news,
        "pages/about.md": page, "data/metrics.yaml": metrics, "media/cover.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    /// Writes the valid tree with `changes` applied (nil removes a file) and checks it.
    static func check(_ changes: [String: String?] = [:]) throws -> [Diagnostic] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-contract-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var tree = files
        for (path, text) in changes { tree[path] = text }
        for (path, text) in tree {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return ContentLoader.load(from: root).content.map { ContentValidator.validate($0) + ContentLoader.load(from: root).diagnostics }
            ?? ContentLoader.load(from: root).diagnostics
    }

    @Test func validTreeHasNoDiagnostics() throws {
        #expect(try Self.check().isEmpty)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var text: String?
        var line: Int
        var column: Int?
        var message: String
        var suggestion: String? = nil
        var testDescription: String { name }
    }

    static func edit(_ original: String, _ old: String, _ new: String) -> String {
        precondition(original.contains(old), "fixture has no '\(old)'")
        return original.replacingOccurrences(of: old, with: new)
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "unknown key with hint", file: "projects/field-drone.md", text: edit(project, "title:", "tittle:"), line: 2, column: 1, message: "unknown key 'tittle'", suggestion: "title"),
        Mistake(name: "missing required key", file: "projects/field-drone.md", text: edit(project, "call: Open Call 1 (2017)\n", ""), line: 2, column: nil, message: "missing required key 'call'"),
        Mistake(name: "unknown sector with hint", file: "projects/field-drone.md", text: edit(project, "[agrifood, ict]", "[agrifod, ict]"), line: 4, column: 11, message: "unknown sector 'agrifod'", suggestion: "agrifood"),
        Mistake(name: "empty sector list", file: "projects/field-drone.md", text: edit(project, "[agrifood, ict]", "[]"), line: 4, column: 10, message: "at least one sector"),
        Mistake(name: "lower-case country", file: "projects/field-drone.md", text: edit(project, "[ES, PL]", "[es, PL]"), line: 5, column: 13, message: "upper case", suggestion: "ES"),
        Mistake(name: "unreal country", file: "projects/field-drone.md", text: edit(project, "[ES, PL]", "[ES, XX]"), line: 5, column: 17, message: "'XX'"),
        Mistake(name: "funding not a number", file: "projects/field-drone.md", text: edit(project, "30000", "lots"), line: 7, column: 14, message: "must be a number"),
        Mistake(name: "negative funding", file: "projects/field-drone.md", text: edit(project, "30000", "-5"), line: 7, column: 14, message: "0 or more"),
        Mistake(name: "unknown stage", file: "projects/field-drone.md", text: edit(project, "stage: market", "stage: markt"), line: 8, column: 8, message: "stage must be one of", suggestion: "market"),
        Mistake(name: "partner without country", file: "projects/field-drone.md", text: edit(project, ", country: ES, url", ", url"), line: 10, column: nil, message: "partner 1: missing required key 'country'"),
        Mistake(name: "partner unknown key", file: "projects/field-drone.md", text: edit(project, "url: https", "ulr: https"), line: 10, column: nil, message: "partner 1: unknown key 'ulr'", suggestion: "url"),
        Mistake(name: "partner url not http", file: "projects/field-drone.md", text: edit(project, "https://campo.example.com", "ftp://campo"), line: 10, column: nil, message: "absolute http(s)"),
        Mistake(name: "summary too long", file: "projects/field-drone.md", text: edit(project, "Drones over fields.", String(repeating: "x", count: 301)), line: 3, column: 10, message: "301 characters"),
        Mistake(name: "missing image", file: "projects/field-drone.md", text: edit(project, "src: media/cover.svg", "src: media/cover.png"), line: 11, column: 14, message: "does not exist", suggestion: "media/cover.svg"),
        Mistake(name: "missing anchor", file: "projects/field-drone.md", text: edit(project, "#team", "#tema"), line: 15, column: 5, message: "no heading with anchor '#tema'", suggestion: "#team"),
        Mistake(name: "missing link target", file: "projects/field-drone.md", text: edit(project, "../pages/about.md#team", "../pages/abuot.md"), line: 15, column: 5, message: "does not exist", suggestion: "../pages/about.md"),
        Mistake(name: "link escaping the content folder", file: "projects/field-drone.md", text: edit(project, "../pages/about.md#team", "../../secret.md"), line: 15, column: 5, message: "outside the content folder"),
        Mistake(name: "javascript link", file: "projects/field-drone.md", text: edit(project, "../pages/about.md#team", "javascript:alert(1)"), line: 15, column: 5, message: "'javascript:'"),
        Mistake(name: "invalid YAML", file: "projects/field-drone.md", text: edit(project, "call: Open Call 1 (2017)", "call: [Open"), line: 7, column: nil, message: "invalid YAML"),
        Mistake(name: "duplicate key", file: "projects/field-drone.md", text: edit(project, "stage: market", "stage: market\ntitle: Again"), line: 9, column: 1, message: "duplicate key 'title'"),
        Mistake(name: "no front matter", file: "projects/field-drone.md", text: "Just text.", line: 1, column: 1, message: "missing front matter"),
        Mistake(name: "news date differs from file name", file: "news/2019-05-21-final-conference.md", text: edit(news, "date: 2019-05-21", "date: 2019-05-22"), line: 3, column: 7, message: "differs from the date in the file name", suggestion: "2019-05-21"),
        Mistake(name: "event ends before it starts", file: "news/2019-05-21-final-conference.md", text: edit(news, "end: 2019-05-23", "end: 2019-05-20"), line: 5, column: nil, message: "before its start"),
        Mistake(name: "event without place", file: "news/2019-05-21-final-conference.md", text: edit(news, ", place: Madrid", ""), line: 5, column: nil, message: "missing required key 'place'"),
        Mistake(name: "invalid date", file: "news/2019-05-21-final-conference.md", text: edit(news, "start: 2019-05-21", "start: 2019-02-30"), line: 5, column: nil, message: "real date"),
        Mistake(name: "menu_order not a whole number", file: "pages/about.md", text: edit(page, "menu_order: 1", "menu_order: first"), line: 3, column: 13, message: "whole number"),
        Mistake(name: "bad sector colour", file: "site.yaml", text: edit(site, "\"#2e6b30\"", "green"), line: 6, column: nil, message: "#rrggbb"),
        Mistake(name: "bad base_url", file: "site.yaml", text: edit(site, "https://demo.example.eu/", "demo.example.eu"), line: 3, column: 11, message: "absolute http(s)"),
        Mistake(name: "bad language", file: "site.yaml", text: edit(site, "language: en", "language: English language"), line: 2, column: 11, message: "BCP 47"),
        Mistake(name: "bad identifier", file: "site.yaml", text: edit(site, "urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc", "12345"), line: 10, column: 15, message: "urn:uuid"),
        Mistake(name: "menu link to nowhere", file: "site.yaml", text: edit(site, "pages/about.md}", "pages/abot.md}"), line: 14, column: nil, message: "does not exist", suggestion: "pages/about.md"),
        Mistake(name: "missing funding notice", file: "site.yaml", text: edit(site, "funding_notice: Funded by the EU.\n", ""), line: 1, column: 1, message: "missing required key 'funding_notice'"),
        Mistake(name: "unknown chart kind", file: "data/metrics.yaml", text: edit(metrics, "kind: bar", "kind: pie"), line: 6, column: 11, message: "kind must be one of"),
        Mistake(name: "unknown unit", file: "data/metrics.yaml", text: edit(metrics, "unit: EUR}", "unit: USD}"), line: 2, column: nil, message: "unit must be one of"),
        Mistake(name: "duplicate metric id", file: "data/metrics.yaml", text: edit(metrics, "id: leverage", "id: funding"), line: 4, column: 9, message: "used twice"),
        Mistake(name: "bad file name", file: "projects/Field_Drone.md", text: project, line: 1, column: 1, message: "not a valid slug", suggestion: "field-drone.md"),
        Mistake(name: "non-Markdown file in projects", file: "projects/notes.txt", text: "x", line: 1, column: 1, message: "only Markdown files"),
        Mistake(name: "non-UTF-8 file", file: "pages/latin.md", text: "---\ntitle: Caf\u{E9}\n---\n", line: 2, column: 11, message: "not UTF-8"),
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsReportedWhereItWasMade(_ mistake: Mistake) throws {
        var changes: [String: String?] = [mistake.file: mistake.text]
        if mistake.file == "projects/Field_Drone.md" { changes["projects/field-drone.md"] = .some(nil) }
        let diagnostics: [Diagnostic]
        if mistake.file == "pages/latin.md" {
            diagnostics = try Self.checkLatin1()
        } else {
            diagnostics = try Self.check(changes).filter { $0.severity == .error }
        }
        let match = diagnostics.first { $0.location.file == mistake.file && $0.message.contains(mistake.message) }
        #expect(match != nil, "\(mistake.name): got \(diagnostics.map { "\($0.location) \($0.text)" })")
        #expect(match?.location.line == mistake.line, "\(mistake.name)")
        if let column = mistake.column { #expect(match?.location.column == column, "\(mistake.name)") }
        if let suggestion = mistake.suggestion { #expect(match?.suggestion == suggestion, "\(mistake.name)") }
    }

    /// A Latin-1 file: the é is one byte that is not UTF-8.
    static func checkLatin1() throws -> [Diagnostic] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-latin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data("---\ntitle: Caf".utf8 + [0xE9] + "\n---\n".utf8).write(to: root.appendingPathComponent("pages/latin.md"))
        return ContentLoader.load(from: root).diagnostics
    }

    @Test func hiddenFilesAreIgnored() throws {
        #expect(try Self.check([".DS_Store": "x", "projects/.draft.md": "nothing"]).isEmpty)
    }
}
