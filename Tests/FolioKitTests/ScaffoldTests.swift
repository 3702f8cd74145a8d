import Foundation
import Testing
@testable import FolioKit

/// `folio new`: every file it makes passes the validator as it is; bad names get the validator's words.
@Suite struct ScaffoldTests {
    /// A translation is made from its source file, not a slug (TranslationTests).
    @Test(arguments: NewContentFile.Kind.allCases.filter { $0 != .translation })
    func newFilesPassTheValidator(_ kind: NewContentFile.Kind) throws {
        let file = try NewContentFile.make(kind, slug: "fresh-start", date: "2019-02-03", sectorIDs: ["agrifood", "ict"]).get()
        let diagnostics = try ContractTests.check([file.path: file.text])
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location) \($0.text)" })")
    }

    @Test func badSlugsAndDatesAreRefused() {
        guard case .failure(let problem) = NewContentFile.make(.project, slug: "Bad_Slug", date: "2019-01-01", sectorIDs: []) else {
            Issue.record("accepted a bad slug"); return
        }
        #expect(problem.message.contains("not a valid slug") && problem.suggestion == "bad-slug")
        guard case .failure(let date) = NewContentFile.make(.news, slug: "x", date: "2019-13-01", sectorIDs: []) else {
            Issue.record("accepted a bad date"); return
        }
        #expect(date.message.contains("YYYY-MM-DD"))
    }
}
