import CLibXML2

/// Proves a document is well-formed XML by parsing it with libxml2: every EPUB document passes
/// through here before it is packaged.
enum XMLWellFormedness {
    /// Nil when well-formed; otherwise libxml2's first message and its line.
    static func problem(in text: String) -> (line: Int, message: String)? {
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
        if let doc { xmlFreeDoc(doc) }
        if doc == nil && collector.first == nil { return (1, "not well-formed") }
        return collector.first
    }

    private final class ErrorCollector {
        var first: (Int, String)?
    }
}

import Foundation
