/// The file names Folio makes from names and slugs (a call's page from the call's name, a project's
/// page from its file name, the EPUB from the booklet's title) are at most `maxBytes` long, well
/// inside every file system's limit of 255 bytes a name: a longer one keeps its start and ends with
/// a hash of the whole, so two long names that start alike still get two files, and the same name
/// always the same file.
enum FileName {
    static let maxBytes = 80

    static func bounded(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        var hash: UInt32 = 0x811c_9dc5
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        let suffix = "-" + String(repeating: "0", count: 8 - hex.count) + hex
        var start = ""
        for character in name {
            guard start.utf8.count + character.utf8.count + suffix.utf8.count <= maxBytes else { break }
            start.append(character)
        }
        while start.hasSuffix("-") { start.removeLast() }
        return start + suffix
    }
}
