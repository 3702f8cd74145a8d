import Foundation

/// Project cards rendered once per build, as Hugo's `partialCached` does: a card's HTML depends
/// only on the project, the depth of the page that lists it and its heading level, while one
/// project is listed on up to a dozen pages (its sectors, countries, call, stage, neighbours).
/// A card's values alone (no HTML) depend only on the project and the depth.
final class ProjectCardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [String: ListedCard] = [:]
    private var values: [String: [String: Any]] = [:]

    func values(slug: String, depth: Int, make: () -> [String: Any]) -> [String: Any] {
        let key = "\(depth)/\(slug)"
        if let card = lock.withLock({ values[key] }) { return card }
        let card = make()
        lock.withLock { values[key] = card }
        return card
    }

    /// The cached card, or `make()`'s. Two threads may make the same card at once; both make the
    /// same bytes, so the build stays deterministic without holding the lock while rendering.
    func card(slug: String, depth: Int, level: Int, make: () -> ListedCard) -> ListedCard {
        let key = "\(depth)/\(level)/\(slug)"
        if let card = lock.withLock({ cards[key] }) { return card }
        let card = make()
        lock.withLock { cards[key] = card }
        return card
    }
}

/// A card as lists show it: its template values, `html` among them, and that HTML with its
/// links for the link check.
struct ListedCard {
    var values: [String: Any]
    var fragment: PageFragment
}
