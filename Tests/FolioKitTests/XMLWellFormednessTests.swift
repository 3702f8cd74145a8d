import Testing
@testable import FolioKit

/// The EPUB's documents are checked by a libxml2 parse that builds no tree; it must still catch
/// every kind of mistake the tree parse does.
@Suite struct XMLWellFormednessTests {
    let good = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">\n<body><section epub:type=\"chapter\"><p>A &amp; B</p></section></body>\n</html>\n"

    @Test func acceptsAWellFormedDocument() {
        #expect(XMLWellFormedness.problem(in: good) == nil)
    }

    @Test func findsEachKindOfMistakeAtItsLine() throws {
        let mistakes = [
            ("<p>A & B</p>", "xmlParseEntityRef"),
            ("<p>open", "Opening and ending tag mismatch"),
            ("<section other:type=\"x\">x</section>", "Namespace prefix other"),
            ("<p>&nbsp;</p>", "Entity 'nbsp' not defined"),
        ]
        for (body, message) in mistakes {
            let text = good.replacingOccurrences(of: "<p>A &amp; B</p>", with: body)
            let problem = try #require(XMLWellFormedness.problem(in: text), "\(body)")
            #expect(problem.line == 3, "\(body)")
            #expect(problem.message.contains(message), "\(body): \(problem.message)")
        }
    }
}
