import CLibXML2
import Foundation

/// Keeps libxml2's first error while a parse runs (the handler is per thread in libxml2), so
/// that a message can name the line libxml2 found.
final class LibXMLErrors {
    var first: (line: Int, message: String)?

    func collect<T>(_ body: () -> T) -> T {
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque()) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<LibXMLErrors>.fromOpaque(context).takeUnretainedValue()
            if collector.first == nil {
                let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
                collector.first = (Int(error.pointee.line), message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }
}
