/// The fragments a page is made of, in the order its values make them, noted while one page's
/// values are made (on one thread), so that the link check can read each fragment only once.
final class FragmentLog: @unchecked Sendable {
    @TaskLocal static var current: FragmentLog?
    private(set) var fragments: [PageFragment] = []

    /// Notes `fragment` for the page being made, if any, and gives back its HTML.
    static func note(_ fragment: PageFragment) -> String {
        current?.fragments.append(fragment)
        return fragment.html
    }
}
