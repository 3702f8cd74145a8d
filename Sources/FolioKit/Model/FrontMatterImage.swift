/// A front-matter `image`: `{src: media/x.jpg, alt: "…"}`, or the older plain path, whose
/// description is then the page's title (with a warning).
public struct FrontMatterImage: Sendable {
    public var src: Located<String>
    /// What the picture shows, read aloud to blind readers; nil when written as a plain path.
    public var alt: Located<String>?

    public init(src: Located<String>, alt: Located<String>? = nil) {
        self.src = src
        self.alt = alt
    }

    /// The path from the content folder (`./media/x.jpg` → `media/x.jpg`).
    public var mediaPath: String { src.value.hasPrefix("./") ? String(src.value.dropFirst(2)) : src.value }

    /// The description shown: the editors' `alt`, or `title` for a plain path.
    public func description(orTitle title: String) -> String { alt?.value ?? title }
}
