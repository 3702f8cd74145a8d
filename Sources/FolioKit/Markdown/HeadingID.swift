/// Heading anchors as GitHub makes them, so that links editors copy from GitHub keep working.
public enum HeadingID {
    /// Lowercase; letters, digits, `-` and `_` kept; spaces become `-`; everything else dropped.
    public static func make(from text: String) -> String {
        var id = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                id.append(character)
            } else if character == " " {
                id.append("-")
            }
        }
        return id.isEmpty ? "section" : id
    }
}
