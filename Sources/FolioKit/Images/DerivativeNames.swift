/// Where each copy of an original is published: beside it in `media/`, named after it with its
/// width (`media/farm-960.webp`), in letters, digits, `-` and `_` only so that a path never
/// breaks a `srcset` (spaces and commas separate its entries). A name that had to change, or
/// that two originals would share, gets a short hash of the original's path.
struct DerivativeNames {
    private var stems: [String: String] = [:]

    init(originals: [String]) {
        let plain = originals.map { ($0, Self.cleaned(Self.stem(of: $0))) }
        var counts: [String: Int] = [:]
        for (_, cleaned) in plain { counts[cleaned, default: 0] += 1 }
        for (original, cleaned) in plain {
            let unchanged = cleaned == Self.stem(of: original) && counts[cleaned] == 1
            stems[original] = unchanged ? cleaned : cleaned + "-" + Self.hash(original)
        }
    }

    /// `media/farm.jpg`, 960, WebP → `media/farm-960.webp`.
    func path(of original: String, width: Int, format: RasterFormat) -> String {
        "\(stems[original]!)-\(width).\(format.fileExtension)"
    }

    /// The EPUB's and PDF's copy: `media/farm.jpg` (a PNG original stays `.png`).
    func bookletPath(of original: String, format: RasterFormat) -> String {
        "\(stems[original]!).\(format.fileExtension)"
    }

    /// The path without its extension.
    private static func stem(of path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    private static func cleaned(_ path: String) -> String {
        String(path.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_/".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        })
    }

    private static func hash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
