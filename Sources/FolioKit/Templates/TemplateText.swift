/// Template text (or an interface string) with how it reads from each mode: nil where it cannot
/// be followed (it ends inside an attribute's name, a character reference in a link, …), and the
/// page is then read with libxml2 as before.
struct TemplateText: Sendable {
    let bytes: [UInt8]
    private let scans: [MarkupScan?]

    /// The modes inside a start tag, where what follows its `>` depends on the tag's name.
    private static let tagModes: [MarkupMode] = [.tagName, .tag, .doubleQuoted, .singleQuoted]
    private static let rawElements: [MarkupElement] = [.script, .style]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // From each mode, then from each tag mode again inside a `<script` and a `<style` tag.
        scans = MarkupMode.allCases.map { MarkupScanner.scan(bytes, from: $0) }
            + Self.tagModes.flatMap { mode in Self.rawElements.map { MarkupScanner.scan(bytes, from: mode, inside: $0) } }
    }

    /// How the text reads from `mode`, inside a start tag of kind `element` if it is in one.
    func scan(from mode: MarkupMode, element: MarkupElement) -> MarkupScan? {
        guard let raw = Self.rawElements.firstIndex(of: element), let tagMode = Self.tagModes.firstIndex(of: mode) else {
            return scans[mode.rawValue]
        }
        return scans[MarkupMode.allCases.count + tagMode * Self.rawElements.count + raw]
    }
}
