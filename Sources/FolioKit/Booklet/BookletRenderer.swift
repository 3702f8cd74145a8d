/// The booklet in its two editions. (Placeholder until the booklet lands: the single-page
/// edition through the `booklet-edition` template, no EPUB yet.)
struct BookletRenderer {
    let content: SiteContent
    let theme: Theme
    let date: BuildDate

    func renderEPUB() -> OutputFile? { nil }
}
