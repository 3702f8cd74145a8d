import CLibXML2

/// A GFM task list item (`- [x] flown`) is a disabled checkbox before the item's text, which
/// gives the box no accessible name (WCAG 2.1 A, "Form elements must have labels"). Each box is
/// named by the words of its own item, nested lists and footnote numbers left out; a box with no words to be named
/// by is left out, since it could not be told apart from any other.
enum TaskListLabels {
    /// Elements whose text does not name the item: nested lists (other items) and footnote
    /// references (a number).
    private static let notTheItem: Set<String> = ["ul", "ol", "sup"]

    static func name(below body: xmlNodePtr) {
        var boxes: [xmlNodePtr] = []
        LibXML.forEachElement(below: body) { element in
            if LibXML.name(of: element) == "input" { boxes.append(element) }
        }
        for box in boxes {
            guard let item = box.pointee.parent else { continue }
            let words = LibXML.text(of: item, skipping: notTheItem).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if words.isEmpty {
                LibXML.remove(box)
            } else {
                LibXML.setAttribute("aria-label", to: words, on: box)
            }
        }
    }
}
