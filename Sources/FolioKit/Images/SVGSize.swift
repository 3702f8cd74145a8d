import CLibXML2
import Foundation

/// The size an SVG asks to be drawn at, from its root's `width` and `height` (plain numbers or
/// pixels) or else its `viewBox`: what a page gives its `<img>` so that the text does not jump
/// when the drawing arrives, as it does for the raster copies. Nil when the file gives no size in
/// pixels (`width="100%"`, `10em`) or no usable `viewBox`. Read when `media/` is listed, once
/// `SVGRules` has passed the file, with the same parser settings (no network, no entities).
enum SVGSize {
    /// Larger sizes are not a drawing's: an `<img>` with them would take the whole page.
    static let largest = 100_000.0

    static func of(_ data: Data) -> (width: Int, height: Int)? {
        LibXML.initialise()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        let document = data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "media.svg", nil, options)
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), LibXML.name(of: root) == "svg" else { return nil }
        let width = LibXML.attribute("width", of: root).flatMap(pixels)
        let height = LibXML.attribute("height", of: root).flatMap(pixels)
        let box = LibXML.attribute("viewBox", of: root).flatMap(viewBoxSize)
        let size: (Double, Double)?
        switch (width, height, box) {
        case let (width?, height?, _): size = (width, height)
        case let (width?, nil, box?): size = (width, width * box.height / box.width)
        case let (nil, height?, box?): size = (height * box.width / box.height, height)
        case let (nil, nil, box?): size = (box.width, box.height)
        default: size = nil
        }
        guard let (w, h) = size, w >= 1, h >= 1, w <= largest, h <= largest else { return nil }
        return (Int(w.rounded()), Int(h.rounded()))
    }

    /// `640`, `640px`, `640.5` → 640.5; any other unit → nil.
    private static func pixels(_ value: String) -> Double? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let number = Double(text), number.isFinite, number > 0 else { return nil }
        return number
    }

    /// `min-x min-y width height`, separated by spaces and/or commas.
    private static func viewBoxSize(_ value: String) -> (width: Double, height: Double)? {
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { Double($0) }
        guard parts.count == 4, parts.allSatisfy({ $0?.isFinite == true }), let width = parts[2], let height = parts[3],
              width > 0, height > 0 else { return nil }
        return (width, height)
    }
}
