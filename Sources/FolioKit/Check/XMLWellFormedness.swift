import CLibXML2
import Foundation

/// Proves a document is well-formed XML by parsing it with libxml2: every EPUB document passes
/// through here before it is packaged.
enum XMLWellFormedness {
    typealias Problem = (line: Int, message: String)

    /// Nil when well-formed (namespaces included); otherwise libxml2's first message and its line.
    /// The parse builds no tree: a SAX2 handler without callbacks still makes libxml2 check
    /// every rule, at about half the cost.
    static func problem(in text: String) -> Problem? {
        LibXML.initialise()
        let collector = LibXMLErrors()
        collector.collect {
            text.utf8CString.withUnsafeBufferPointer { buffer in
                guard let parser = xmlCreateMemoryParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else {
                    collector.first = (1, "not well-formed")
                    return
                }
                defer { xmlFreeParserCtxt(parser) }
                LibXML.replaceSAXHandler(of: parser).pointee.initialized = XML_SAX2_MAGIC
                xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
                xmlParseDocument(parser)
                if parser.pointee.wellFormed == 0, collector.first == nil { collector.first = (1, "not well-formed") }
            }
        }
        return collector.first
    }
}
