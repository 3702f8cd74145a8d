import CLibXML2

/// Proves a document is well-formed XML by parsing it with libxml2: every EPUB document passes
/// through here before it is packaged, and what is packaged is libxml2's own serialisation.
enum XMLWellFormedness {
    typealias Problem = (line: Int, message: String)

    /// Nil when well-formed; otherwise libxml2's first message and its line.
    static func problem(in text: String) -> Problem? {
        if case .failure(let problem) = parse(text, { _ in () }) { return problem.value }
        return nil
    }

    /// The document parsed and written back by libxml2 (UTF-8, XML declaration, empty elements
    /// self-closed), or the first problem that keeps it from being well-formed.
    static func reserialised(_ text: String) -> Result<String, ProblemBox> {
        parse(text) { doc in
            guard let buffer = xmlBufferCreate() else { return text }
            defer { xmlBufferFree(buffer) }
            guard let context = xmlSaveToBuffer(buffer, "UTF-8", 0) else { return text }
            xmlSaveDoc(context, doc)
            xmlSaveClose(context)
            return String(cString: xmlBufferContent(buffer))
        }
    }

    struct ProblemBox: Error {
        var value: Problem
    }

    private static func parse<T>(_ text: String, _ use: (xmlDocPtr) -> T) -> Result<T, ProblemBox> {
        LibXML.initialise()
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            if collector.first == nil {
                let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
                collector.first = (Int(error.pointee.line), message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let count = Int32(text.utf8.count)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = text.withCString { xmlReadMemory($0, count, "document.xhtml", "UTF-8", options) }
        defer { if let doc { xmlFreeDoc(doc) } }
        if let first = collector.first { return .failure(ProblemBox(value: first)) }
        guard let doc else { return .failure(ProblemBox(value: (1, "not well-formed"))) }
        return .success(use(doc))
    }

    private final class ErrorCollector {
        var first: Problem?
    }
}

import Foundation
