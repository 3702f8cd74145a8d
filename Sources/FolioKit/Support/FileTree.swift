import Foundation

/// The files below a folder, as sorted paths relative to it: what the check stage reads and the
/// write stage copies.
enum FileTree {
    static func files(in folder: URL) -> [String] {
        var result: [String] = []
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
