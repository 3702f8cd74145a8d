/// The one loop behind every escaper Folio writes markup with (templates' HTML, the body's XHTML,
/// hand-written XML): text read as UTF-8 bytes, where every character that needs escaping is a
/// single byte, runs that need nothing copied whole.
enum ByteEscaping {
    /// Appends `text` to `output` with each byte that `entity` names replaced by that entity
    /// (an empty one drops the byte).
    @inline(__always)
    static func append(_ text: String, to output: inout [UInt8], entity: (UInt8) -> StaticString?) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                guard let replacement = entity(source[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }
}
