import Yams

extension YAMLMap {
    static let imageKeys = ["src", "alt"]

    /// `image: media/x.jpg` or `image: {src: media/x.jpg, alt: "…"}`; problems are logged where
    /// they were written.
    func frontMatterImage(_ key: String) -> FrontMatterImage? {
        guard let written = entryValue(key), written.mapping != nil else {
            return path(key).map { FrontMatterImage(src: $0) }
        }
        guard let map = map(key) else { return nil }
        map.rejectUnknownKeys(allowed: Self.imageKeys)
        guard let src = map.path("src", required: true) else { return nil }
        let alt = map.string("alt")
        // A list or map in `alt` was reported by `string`; an absent or empty one is reported here.
        if alt == nil, map.entryValue("alt")?.scalar != nil || !map.has("alt") {
            log.error(at: map.has("alt") ? map.valueLocation("alt") : map.location,
                      "'image' needs an 'alt': describe what the picture shows; it is read aloud to blind readers")
        }
        return FrontMatterImage(src: src, alt: alt)
    }
}
