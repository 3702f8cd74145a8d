import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in:)` without Foundation's round trip through `NSString` when there is
    /// nothing to trim, which is almost always: a front-matter value rarely starts or ends with
    /// a space. Same result in every case.
    func trimming(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              first.isASCII, last.isASCII, !set.contains(first), !set.contains(last) else {
            return trimmingCharacters(in: set)
        }
        return String(self)
    }
}
