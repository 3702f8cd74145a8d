/// Which addresses outside the site a menu may link to: web pages only. A `mailto:` or `tel:`
/// link in the site's main navigation is almost always a mistake, and anything else is refused
/// everywhere.
enum MenuLink {
    static func isWebAddress(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
